using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using NewsIndex.Testing.Synthetic;
using NewsIndex.Entities;
using NewsIndex.Indexing;
using NewsIndex.Mapping;
using NewsIndex.Querying;
using NewsIndex.Results;

namespace NewsIndex.Benchmarks.Scale;

/// <summary>
/// <c>scale --articles N [--output DIR] [--index DIR] [--queries N] [--threads N]</c>: indexes N synthetic articles to
/// disk with a progress bar, then times a fixed query mix; writes <c>scale-N.md</c>, <c>scale-N.json</c> and
/// <c>scale-N-latency.png</c>. <c>scale-summary [--output DIR]</c> compares every run in the folder.
/// </summary>
public static class ScaleRunner
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>Runs the scale mode.</summary>
    public static int Run(string[] args)
    {
        var articles = IntOption(args, "--articles", 100_000);
        var queries = IntOption(args, "--queries", 200);
        var threads = IntOption(args, "--threads", Environment.ProcessorCount);
        var output = StringOption(args, "--output") ?? Path.Combine("benchmarks", "results");
        var indexPath = StringOption(args, "--index") ?? Path.Combine(Path.GetTempPath(), $"newsindex-scale-{articles}-{Environment.ProcessId}");
        var keep = StringOption(args, "--index") is not null;
        Directory.CreateDirectory(output);
        if (Directory.Exists(indexPath))
        {
            Directory.Delete(indexPath, recursive: true);
        }

        var generator = new SyntheticNews();
        Console.WriteLine($"scale: indexing {articles:N0} synthetic articles into {indexPath} on {threads} threads");
        try
        {
            using var index = ArticleIndex.Open(indexPath, new ArticleIndexOptions { IndexingThreads = threads });
            long textBytes = 0;
            var input = generator.Generate(articles).Select(s =>
            {
                textBytes += Encoding.UTF8.GetByteCount(s.Article.Title) + Encoding.UTF8.GetByteCount(s.Article.Body);
                return s.Article;
            });
            var clock = Stopwatch.StartNew();
            var totals = index.IndexAll(input, new ProgressBar(articles));
            var indexSeconds = clock.Elapsed.TotalSeconds;
            clock.Restart();
            index.Commit();
            var commitSeconds = clock.Elapsed.TotalSeconds;
            Console.Error.WriteLine();
            var stats = index.Stats();
            Console.WriteLine($"scale: indexed {totals.Articles:N0} articles in {indexSeconds:F1} s + commit {commitSeconds:F2} s; index {stats.SizeBytes / 1e6:F0} MB");

            var latencies = QueryMix(index, generator, queries);
            using var process = Process.GetCurrentProcess();
            process.Refresh();
            var total = indexSeconds + commitSeconds;
            var report = new ScaleReport
            {
                Articles = articles,
                TextMegabytes = textBytes / 1e6,
                IndexSeconds = indexSeconds,
                CommitSeconds = commitSeconds,
                ArticlesPerSecond = articles / total,
                MegabytesPerSecond = textBytes / 1e6 / total,
                IndexBytes = stats.SizeBytes,
                PeakWorkingSetBytes = process.PeakWorkingSet64,
                Threads = threads,
                Latencies = latencies,
                Machine = MachineInfo.Describe(),
                Command = $"dotnet run -c Release --project benchmarks/NewsIndex.Benchmarks -- scale --articles {articles} --queries {queries} --threads {threads}",
                Finished = DateTimeOffset.UtcNow,
            };
            File.WriteAllText(Path.Combine(output, $"scale-{articles}.json"), JsonSerializer.Serialize(report, Json));
            File.WriteAllText(Path.Combine(output, $"scale-{articles}.md"), Markdown(report));
            ScaleCharts.Latency(report, Path.Combine(output, $"scale-{articles}-latency.png"));
            Console.WriteLine(Markdown(report));
            return 0;
        }
        finally
        {
            if (!keep && Directory.Exists(indexPath))
            {
                Directory.Delete(indexPath, recursive: true);
            }
        }
    }

    /// <summary>Compares every <c>scale-*.json</c> in the output folder: <c>scale.md</c> and <c>scale-growth.png</c>.</summary>
    public static int Summary(string[] args)
    {
        var output = StringOption(args, "--output") ?? Path.Combine("benchmarks", "results");
        var reports = Directory.GetFiles(output, "scale-*.json")
            .Select(f => JsonSerializer.Deserialize<ScaleReport>(File.ReadAllText(f), Json)!)
            .OrderBy(r => r.Articles).ToArray();
        if (reports.Length == 0)
        {
            Console.Error.WriteLine($"scale-summary: no scale-*.json in {output}");
            return 1;
        }

        var md = new StringBuilder();
        md.AppendLine("# Scale runs: how cost grows with the index").AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Machine: {reports[^1].Machine}").AppendLine();
        md.AppendLine("| articles | text MB | articles/s | MB/s | commit s | index MB | bytes/article | peak working set MB |");
        md.AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var r in reports)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {r.Articles:N0} | {r.TextMegabytes:N0} | {r.ArticlesPerSecond:N0} | {r.MegabytesPerSecond:F1} | {r.CommitSeconds:F2} | {r.IndexBytes / 1e6:N0} | {r.IndexBytes / (double)r.Articles:N0} | {r.PeakWorkingSetBytes / 1e6:N0} |");
        }

        md.AppendLine().AppendLine("Latency p95 (ms) by query type:").AppendLine();
        md.AppendLine("| query type | " + string.Join(" | ", reports.Select(r => $"{r.Articles:N0}")) + " |");
        md.AppendLine("| --- | " + string.Join(" | ", reports.Select(_ => "---:")) + " |");
        foreach (var type in reports[0].Latencies.Select(l => l.QueryType))
        {
            var cells = reports.Select(r => r.Latencies.FirstOrDefault(l => l.QueryType == type)?.P95.ToString("F1", CultureInfo.InvariantCulture) ?? "-");
            md.Append("| ").Append(type).Append(" | ").AppendJoin(" | ", cells).AppendLine(" |");
        }

        md.AppendLine().AppendLine("![p95 latency by index size](scale-growth.png)");
        File.WriteAllText(Path.Combine(output, "scale.md"), md.ToString());
        ScaleCharts.Growth(reports, Path.Combine(output, "scale-growth.png"));
        Console.WriteLine(md);
        return 0;
    }

    private static List<LatencyStats> QueryMix(ArticleIndex index, SyntheticNews generator, int count)
    {
        var random = new Random(7);
        var countries = SyntheticNews.Countries.Select(c => c.Name).ToArray();
        string Country() => countries[random.Next(countries.Length)];
        string[] words = ["officials", "government", "talks", "border", "attack", "markets", "budget", "civilians"];
        string Word() => words[random.Next(words.Length)];
        var lean = new SearchOptions { Snippets = false, Why = false };
        var mix = new (string Name, Func<int> Run)[]
        {
            ("text", () => index.Search(Q.Text($"{Word()} {Word()}"), lean).Total),
            ("entity filter", () => index.Search(Q.Country(Country()), lean).Total),
            ("entity + text", () => index.Search(Q.Country(Country()) & Q.Text(Word()), lean).Total),
            ("relation (affiliated)", () => index.Search(Q.AffiliatedWith(Country()), lean).Total),
            ("date-sorted", () => index.Search(Q.Country(Country()), lean with { Sort = SortOrder.Date }).Total),
            ("facets, broad query", () => index.Search(Q.Text("officials"), lean with { Facets = Enum.GetValues<FacetField>() }).Total),
            ("snippets top 10", () => index.Search(Q.Text(Word()) & Q.Country(Country()), new SearchOptions()).Total),
            ("deep page 20 (cursor)", () =>
            {
                string? cursor = null;
                var total = 0;
                var query = Q.Country(Country());
                for (var page = 0; page < 20; page++)
                {
                    var results = index.Search(query, lean with { Cursor = cursor });
                    total = results.Total;
                    cursor = results.NextCursor;
                    if (cursor is null)
                    {
                        break;
                    }
                }

                return total;
            }),
        };

        var result = new List<LatencyStats>();
        foreach (var (name, run) in mix)
        {
            for (var warm = 0; warm < 10; warm++)
            {
                run();
            }

            var times = new List<double>(count);
            double hits = 0;
            for (var i = 0; i < count; i++)
            {
                var start = Stopwatch.GetTimestamp();
                hits += run();
                times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }

            var stats = LatencyStats.From(name, times, hits / count);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"scale: {name,-24} p50 {stats.P50,8:F2} ms  p95 {stats.P95,8:F2} ms  p99 {stats.P99,8:F2} ms  ({stats.MeanHits:N0} hits)"));
            result.Add(stats);
        }

        return result;
    }

    private static string Markdown(ScaleReport r)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# Scale run: {r.Articles:N0} synthetic articles").AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"- command: `{r.Command}`");
        md.AppendLine(CultureInfo.InvariantCulture, $"- machine: {r.Machine}");
        md.AppendLine(CultureInfo.InvariantCulture, $"- finished: {r.Finished:yyyy-MM-dd HH:mm} UTC").AppendLine();
        md.AppendLine("| measure | value |").AppendLine("| --- | ---: |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| articles | {r.Articles:N0} |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| text | {r.TextMegabytes:N0} MB |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| indexing ({r.Threads} threads; tag, map, add) | {r.IndexSeconds:F1} s |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| final commit | {r.CommitSeconds:F2} s |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| throughput | {r.ArticlesPerSecond:N0} articles/s, {r.MegabytesPerSecond:F1} MB/s |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| index size on disk | {r.IndexBytes / 1e6:N0} MB ({r.IndexBytes / (double)r.Articles:N0} bytes/article) |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| peak working set | {r.PeakWorkingSetBytes / 1e6:N0} MB |").AppendLine();
        md.AppendLine("| query type | queries | p50 ms | p95 ms | p99 ms | mean hits |").AppendLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var l in r.Latencies)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {l.QueryType} | {l.Count} | {l.P50:F2} | {l.P95:F2} | {l.P99:F2} | {l.MeanHits:N0} |");
        }

        md.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"![latency](scale-{r.Articles}-latency.png)");
        return md.ToString();
    }

    private static int IntOption(string[] args, string name, int fallback) =>
        StringOption(args, name) is { } value ? int.Parse(value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture) : fallback;

    private static string? StringOption(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    private sealed class ProgressBar(int total) : IProgress<IndexingProgress>
    {
        private readonly bool _interactive = !Console.IsErrorRedirected;
        private long _lastPrinted;

        public void Report(IndexingProgress value)
        {
            var percent = total == 0 ? 100 : (int)(100 * value.Articles / total);
            if (!_interactive && value.Articles - _lastPrinted < total / 10 && value.Articles < total)
            {
                return;
            }

            _lastPrinted = value.Articles;
            var filled = percent / 5;
            var eta = value.ArticlesPerSecond > 0 ? TimeSpan.FromSeconds((total - value.Articles) / value.ArticlesPerSecond) : TimeSpan.Zero;
            var line = string.Create(CultureInfo.InvariantCulture,
                $"[{new string('#', filled)}{new string('.', 20 - filled)}] {percent,3}% {value.Articles:N0}/{total:N0} articles, {value.ArticlesPerSecond:N0}/s, ETA {eta:mm\\:ss}");
            Console.Error.Write(_interactive ? "\r" + line : line + Environment.NewLine);
        }
    }
}
