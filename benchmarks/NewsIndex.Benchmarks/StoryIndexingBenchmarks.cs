using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using NewsIndex.Ingestion;
using NewsIndex.Stories;

namespace NewsIndex.Benchmarks;

/// <summary>
/// What story assignment adds to end-to-end indexing: every Reuters-21578 train article with a body (14,293; synthetic
/// news when Reuters is absent) from raw JSON Lines into an on-disk index with two writer threads, committed, with
/// stories off (the baseline) and on, in the same run. Each operation indexes the whole set once into a fresh directory.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 9)]
public class StoryIndexingBenchmarks
{
    internal const int Count = 20_000;

    private byte[] _jsonLines = [];

    /// <summary>Articles indexed per operation (at most <see cref="Count"/>; Reuters train has 14,293 with a body).</summary>
    public int Articles { get; private set; }

    /// <summary>Serialises the articles once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var articles = BenchmarkData.Articles(Count);
        Articles = articles.Length;
        _jsonLines = BenchmarkData.ToJsonLines(articles);
    }

    /// <summary>Indexing without stories.</summary>
    [Benchmark(Baseline = true)]
    public long WithoutStories() => Index(null);

    /// <summary>Indexing with story assignment (default options): signing and assigning on the input thread.</summary>
    [Benchmark]
    public long WithStories() => Index(StoryOptions.Default);

    private long Index(StoryOptions? stories)
    {
        var path = Path.Combine(Path.GetTempPath(), "newsindex-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var index = ArticleIndex.Open(path, new ArticleIndexOptions { IndexingThreads = 2, Stories = stories });
            var totals = index.IndexAll(ArticleReader.ReadJsonLines(new MemoryStream(_jsonLines), "benchmark.jsonl"));
            index.Commit();
            return totals.Articles;
        }
        finally
        {
            System.IO.Directory.Delete(path, recursive: true);
        }
    }
}
