using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using NewsIndex.Indexing;
using NewsIndex.Mapping;
using NewsIndex.Ingestion;
using NewsIndex.Stories;

namespace NewsIndex.Benchmarks;

/// <summary>
/// End-to-end indexing at a size where the per-article cost dominates: at least 50,000 articles (the Reuters-21578
/// train articles with a body, repeated four times with rewritten ids: 57,172; synthetic news without ../shared) from
/// raw JSON Lines into an on-disk index: parse → (tag → assign story → map) → add → commit. The baseline is
/// hand-written plain Lucene.Net doing the same work without NewsIndex: the same JSON parsing, the same stored fields
/// (id, title, body, source, published), StandardAnalyzer, NIOFSDirectory, the same number of threads. NewsIndex runs
/// with stories on (the default) and off, so the cost of story assignment is read off the same run.
/// </summary>
/// <remarks>Each operation indexes the whole set once into a fresh directory (several seconds), so the Monitoring
/// strategy with a few iterations: commit, flush and warm-up are a small part of an operation, as in a real ingest.</remarks>
[MemoryDiagnoser]
[Config(typeof(Config))]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class IndexingBenchmarks
{
    internal const int Count = 50_000;

    private static readonly Lazy<Article[]> Corpus = new(() => BenchmarkData.Repeated(Count));

    private static readonly Lazy<double> Megabytes = new(() => BenchmarkData.TextBytes(Corpus.Value) / 1e6);

    private byte[] _jsonLines = [];

    /// <summary>Indexing threads.</summary>
    [Params(1, 2)]
    public int Threads { get; set; }

    /// <summary>Serialises the articles once.</summary>
    [GlobalSetup]
    public void Setup() => _jsonLines = BenchmarkData.ToJsonLines(Corpus.Value);

    /// <summary>Plain Lucene.Net.</summary>
    [Benchmark(Baseline = true)]
    public int PlainLucene()
    {
        var path = TempDirectory();
        try
        {
            using var directory = new NIOFSDirectory(new DirectoryInfo(path));
            using var analyzer = new StandardAnalyzer(LuceneVersion.LUCENE_48);
            using var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer) { RAMBufferSizeMB = 64 });
            using var queue = new BlockingCollection<(string Id, string Title, string Body, string? Source, DateTimeOffset? Published)>(1024);
            var workers = Enumerable.Range(0, Threads).Select(_ => Task.Run(() =>
            {
                foreach (var (id, title, body, source, published) in queue.GetConsumingEnumerable())
                {
                    var doc = new Document
                    {
                        new StringField("id", id, Field.Store.YES),
                        new TextField("title", title, Field.Store.YES),
                        new TextField("body", body, Field.Store.YES),
                    };
                    if (source is not null)
                    {
                        doc.Add(new StringField("source", source, Field.Store.YES));
                    }

                    if (published is { } date)
                    {
                        doc.Add(new Int64Field("published", date.ToUnixTimeMilliseconds(), Field.Store.YES));
                    }

                    writer.UpdateDocument(new Term("id", id), doc);
                }
            })).ToArray();

            foreach (var line in Encoding.UTF8.GetString(_jsonLines).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                using var json = JsonDocument.Parse(line);
                var root = json.RootElement;
                queue.Add((root.GetProperty("id").GetString()!, root.GetProperty("title").GetString()!, root.GetProperty("body").GetString()!,
                    root.TryGetProperty("source", out var s) ? s.GetString() : null,
                    root.TryGetProperty("published", out var p) ? p.GetDateTimeOffset() : null));
            }

            queue.CompleteAdding();
            Task.WaitAll(workers);
            writer.Commit();
            return writer.NumDocs;
        }
        finally
        {
            System.IO.Directory.Delete(path, recursive: true);
        }
    }

    /// <summary>NewsIndex: the same articles through ArticleReader, the tagger, story assignment, the mapper (entity
    /// fields, doc values, stored mentions) and the writer.</summary>
    [Benchmark]
    public long NewsIndexEndToEnd() => RunNewsIndex(StoryOptions.Default);

    /// <summary>NewsIndex without story assignment.</summary>
    [Benchmark]
    public long NewsIndexWithoutStories() => RunNewsIndex(null);

    private long RunNewsIndex(StoryOptions? stories)
    {
        var path = TempDirectory();
        try
        {
            using var index = ArticleIndex.Open(path, new ArticleIndexOptions { IndexingThreads = Threads, Stories = stories });
            var totals = index.IndexAll(ArticleReader.ReadJsonLines(new MemoryStream(_jsonLines), "benchmark.jsonl"));
            index.Commit();
            return totals.Articles;
        }
        finally
        {
            System.IO.Directory.Delete(path, recursive: true);
        }
    }

    private static string TempDirectory() => Path.Combine(Path.GetTempPath(), "newsindex-bench-" + Guid.NewGuid().ToString("N"));

    private sealed class Config : BenchmarkDotNet.Configs.ManualConfig
    {
        public Config()
        {
            AddColumn(new ThroughputColumn("articles/s", "articles indexed per second", _ => Corpus.Value.Length));
            AddColumn(new ThroughputColumn("MB/s", "megabytes of article text indexed per second", _ => Megabytes.Value));
            AddColumn(new ThroughputColumn("Alloc B/article", "bytes allocated per article", _ => Corpus.Value.Length, perUnitAllocation: true));
        }
    }
}
