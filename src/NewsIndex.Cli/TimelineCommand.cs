using System.CommandLine;
using System.Globalization;
using NewsIndex.Entities;
using NewsIndex.Results;
using ScottPlot;

namespace NewsIndex.Cli;

/// <summary><c>newsindex timeline QUERY</c>: counts of matching articles or stories over time, as a table, JSON, CSV or a PNG chart.</summary>
internal static class TimelineCommand
{
    public static Command Create()
    {
        var index = CommonOptions.Index();
        var catalog = CommonOptions.Catalog();
        var json = CommonOptions.Json();
        var csv = new Option<bool>("--csv") { Description = "Write CSV (bucket,series,count) instead of a table." };
        var png = new Option<string?>("--png") { Description = "Also draw a line chart into this PNG file." };
        var interval = new Option<string>("--interval") { Description = "day, week or month.", DefaultValueFactory = _ => "month" };
        interval.AcceptOnlyFromAmong("day", "week", "month");
        var by = new Option<string>("--by") { Description = "country, force, base, or none (one series).", DefaultValueFactory = _ => "none" };
        by.AcceptOnlyFromAmong("country", "force", "base", "none");
        var count = new Option<string>("--count") { Description = "articles or stories (reports of one event count once).", DefaultValueFactory = _ => "articles" };
        count.AcceptOnlyFromAmong("articles", "stories");
        var series = new Option<int>("--series") { Description = "Most series shown (1-100), largest first.", DefaultValueFactory = _ => 8 };
        var query = CommonOptions.Query("Query, e.g. 'force:Wagner'.");
        var command = new Command("timeline", "Count matching articles or stories per day, week or month, optionally per country, force or base.")
        {
            index, json, csv, png, interval, by, count, series, query, catalog,
        };
        command.SetAction(result =>
        {
            using var articles = CommonOptions.OpenForReading(result.GetValue(index), result.GetValue(catalog));
            var timeline = articles.Timeline(
                CommonOptions.QueryText(result, query)!,
                result.GetValue(interval) switch { "day" => TimelineInterval.Day, "week" => TimelineInterval.Week, _ => TimelineInterval.Month },
                result.GetValue(by) switch { "country" => EntityKind.Country, "force" => EntityKind.Force, "base" => EntityKind.Base, _ => (EntityKind?)null },
                result.GetValue(count) == "stories" ? CountUnit.Stories : CountUnit.Articles,
                result.GetValue(series));
            if (result.GetValue(png) is { } file)
            {
                Chart(timeline, file);
            }

            if (result.GetValue(json))
            {
                Json(timeline);
            }
            else if (result.GetValue(csv))
            {
                Console.WriteLine("bucket,series,count");
                foreach (var point in timeline.Points)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Label(point.Start, timeline.Interval)},{Csv(point.Series ?? "all")},{point.Count}"));
                }
            }
            else
            {
                Table(timeline);
            }

            return 0;
        });
        return command;
    }

    private static string[] SeriesNames(Timeline timeline) => timeline.By is null ? ["all"] : [.. timeline.Series];

    private static void Table(Timeline timeline)
    {
        var names = SeriesNames(timeline);
        var buckets = timeline.Points.GroupBy(p => p.Start).ToArray();
        Console.WriteLine($"{Terminal.Bold(timeline.Unit == CountUnit.Stories ? "stories" : "articles")} per {timeline.Interval.ToString().ToLowerInvariant()} {Terminal.Dim(timeline.Query)}");
        Console.WriteLine(string.Join("  ", new[] { "bucket".PadRight(10) }.Concat(names.Select(n => n.PadLeft(Math.Max(6, n.Length))))));
        foreach (var bucket in buckets)
        {
            var counts = names.Select(n => bucket.FirstOrDefault(p => (p.Series ?? "all") == n).Count.ToString(CultureInfo.InvariantCulture).PadLeft(Math.Max(6, n.Length)));
            Console.WriteLine(string.Join("  ", new[] { Label(bucket.Key, timeline.Interval).PadRight(10) }.Concat(counts)));
        }

        if (timeline.Undated > 0)
        {
            Console.WriteLine(Terminal.Dim($"{timeline.Undated} matching article(s) without a date are not counted"));
        }
    }

    private static void Json(Timeline timeline) => JsonOutput.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("query", timeline.Query);
        w.WriteString("interval", timeline.Interval.ToString().ToLowerInvariant());
        w.WriteString("by", timeline.By?.ToString().ToLowerInvariant() ?? "none");
        w.WriteString("count", timeline.Unit.ToString().ToLowerInvariant());
        w.WriteNumber("undated", timeline.Undated);
        w.WriteStartArray("points");
        foreach (var point in timeline.Points)
        {
            w.WriteStartObject();
            w.WriteString("bucket", Label(point.Start, timeline.Interval));
            if (point.Series is not null)
            {
                w.WriteString("series", point.Series);
            }

            w.WriteNumber("count", point.Count);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });

    private static void Chart(Timeline timeline, string file)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        var names = SeriesNames(timeline);
        for (var s = 0; s < names.Length; s++)
        {
            var points = timeline.Points.Where(p => (p.Series ?? "all") == names[s]).ToArray();
            var line = plot.Add.Scatter(points.Select(p => p.Start.UtcDateTime.ToOADate()).ToArray(), points.Select(p => (double)p.Count).ToArray(), palette.GetColor(s));
            line.LegendText = names[s];
        }

        plot.Axes.DateTimeTicksBottom();
        plot.Axes.Margins(bottom: 0);
        plot.YLabel(timeline.Unit == CountUnit.Stories ? "stories" : "articles");
        plot.Title($"{timeline.Query} per {timeline.Interval.ToString().ToLowerInvariant()}");
        if (timeline.By is not null)
        {
            plot.ShowLegend(Alignment.UpperLeft);
        }

        plot.SavePng(file, 1000, 500);
        Console.Error.WriteLine($"chart written to {Path.GetFullPath(file)}");
    }

    private static string Label(DateTimeOffset start, TimelineInterval interval) =>
        start.UtcDateTime.ToString(interval == TimelineInterval.Month ? "yyyy-MM" : "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Csv(string value) => value.AsSpan().IndexOfAny(',', '"') >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
