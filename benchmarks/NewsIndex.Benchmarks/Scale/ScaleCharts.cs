using ScottPlot;

namespace NewsIndex.Benchmarks.Scale;

/// <summary>PNG charts of scale runs (ScottPlot).</summary>
public static class ScaleCharts
{
    /// <summary>Grouped bars: p50, p95, p99 latency per query type.</summary>
    public static void Latency(ScaleReport report, string path)
    {
        var plot = new Plot();
        var colors = new[] { Colors.SteelBlue, Colors.Orange, Colors.Crimson };
        var names = new[] { "p50", "p95", "p99" };
        var bars = new List<Bar>();
        for (var t = 0; t < report.Latencies.Count; t++)
        {
            var l = report.Latencies[t];
            var values = new[] { l.P50, l.P95, l.P99 };
            for (var p = 0; p < 3; p++)
            {
                bars.Add(new Bar { Position = (t * 4) + p, Value = values[p], FillColor = colors[p] });
            }
        }

        plot.Add.Bars(bars);
        plot.Axes.Bottom.SetTicks(report.Latencies.Select((_, t) => (t * 4) + 1.0).ToArray(), report.Latencies.Select(l => l.QueryType).ToArray());
        plot.Axes.Bottom.TickLabelStyle.Rotation = 30;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        plot.Axes.Margins(bottom: 0);
        plot.Axes.Bottom.MinimumSize = 140;
        plot.Axes.Right.MinimumSize = 60;
        for (var p = 0; p < 3; p++)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = names[p], FillColor = colors[p] });
        }

        plot.Legend.Alignment = Alignment.UpperLeft;
        plot.YLabel("latency (ms)");
        plot.Title($"NewsIndex query latency, {report.Articles:N0} articles");
        plot.SavePng(path, 1000, 600);
    }

    /// <summary>How cost grows with the index: p95 latency per query type, one bar per run size; indexing throughput in the legend.</summary>
    public static void Growth(IReadOnlyList<ScaleReport> reports, string path)
    {
        var plot = new Plot();
        var palette = new[] { Colors.SteelBlue, Colors.Orange, Colors.Crimson, Colors.SeaGreen, Colors.Purple };
        var types = reports[0].Latencies.Select(l => l.QueryType).ToArray();
        var bars = new List<Bar>();
        var width = reports.Count + 1;
        for (var t = 0; t < types.Length; t++)
        {
            for (var r = 0; r < reports.Count; r++)
            {
                var latency = reports[r].Latencies.FirstOrDefault(l => l.QueryType == types[t])?.P95 ?? 0;
                bars.Add(new Bar { Position = (t * width) + r, Value = latency, FillColor = palette[r % palette.Length] });
            }
        }

        plot.Add.Bars(bars);
        plot.Axes.Bottom.SetTicks(types.Select((_, t) => (t * width) + ((reports.Count - 1) / 2.0)).ToArray(), types);
        plot.Axes.Bottom.TickLabelStyle.Rotation = 30;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        plot.Axes.Bottom.MinimumSize = 140;
        plot.Axes.Right.MinimumSize = 60;
        plot.Axes.Margins(bottom: 0);
        for (var r = 0; r < reports.Count; r++)
        {
            plot.Legend.ManualItems.Add(new LegendItem
            {
                LabelText = $"{reports[r].Articles:N0} articles (indexed at {reports[r].ArticlesPerSecond:N0}/s, peak {reports[r].PeakWorkingSetBytes / 1e6:N0} MB)",
                FillColor = palette[r % palette.Length],
            });
        }

        plot.Legend.Alignment = Alignment.UpperCenter;
        plot.YLabel("p95 latency (ms)");
        plot.Title("NewsIndex: p95 query latency as the index grows");
        plot.SavePng(path, 1000, 600);
    }
}
