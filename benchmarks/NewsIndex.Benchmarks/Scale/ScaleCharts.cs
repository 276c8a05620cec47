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
        for (var p = 0; p < 3; p++)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = names[p], FillColor = colors[p] });
        }

        plot.Legend.Alignment = Alignment.UpperLeft;
        plot.YLabel("latency (ms)");
        plot.Title($"NewsIndex query latency, {report.Articles:N0} articles");
        plot.SavePng(path, 1000, 600);
    }

    /// <summary>Indexing throughput and p95 latency of the broad facet query against index size.</summary>
    public static void Throughput(IReadOnlyList<ScaleReport> reports, string path)
    {
        var plot = new Plot();
        var xs = reports.Select(r => (double)r.Articles).ToArray();
        var rate = plot.Add.Scatter(xs, reports.Select(r => r.ArticlesPerSecond).ToArray());
        rate.LegendText = "indexing articles/s";
        plot.YLabel("articles per second");
        plot.XLabel("articles in the index");
        var axis = plot.Axes.AddRightAxis();
        var facets = plot.Add.Scatter(xs, reports.Select(r => r.Latencies.FirstOrDefault(l => l.QueryType.StartsWith("facets", StringComparison.Ordinal))?.P95 ?? 0).ToArray());
        facets.Axes.YAxis = axis;
        facets.LegendText = "facets (broad) p95 ms";
        axis.LabelText = "p95 latency (ms)";
        plot.ShowLegend(Alignment.UpperCenter);
        plot.Title("NewsIndex at scale");
        plot.SavePng(path, 1000, 600);
    }
}
