using System.Text;
using BenchmarkDotNet.Attributes;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;
using NewsIndex.Entities;

namespace NewsIndex.Benchmarks;

/// <summary>
/// Tagging speed over 2,000 real Reuters bodies (about 1.7 MB). The MB/s and Alloc B/KB columns convert the mean and
/// the allocations into throughput and bytes allocated per KB of text. The baseline is plain Lucene.Net tokenising the
/// same text with StandardAnalyzer: one pass over the words and nothing else.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class EntityTaggingBenchmarks
{
    internal const int Count = 2000;

    private static readonly Lazy<double> Megabytes = new(() => BenchmarkData.Articles(Count).Sum(a => (long)Encoding.UTF8.GetByteCount(a.Body)) / 1e6);

    private string[] _texts = [];
    private EntityTagger _tagger = null!;
    private StandardAnalyzer _analyzer = null!;

    /// <summary>Loads 2,000 article bodies and builds the tagger.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _texts = BenchmarkData.Articles(Count).Select(a => a.Body).ToArray();
        _tagger = EntityCatalog.Default.Tagger;
        _analyzer = new StandardAnalyzer(LuceneVersion.LUCENE_48);
    }

    /// <summary>Releases the analyzer.</summary>
    [GlobalCleanup]
    public void Cleanup() => _analyzer.Dispose();

    /// <summary>Plain Lucene.Net: StandardAnalyzer over every body.</summary>
    [Benchmark(Baseline = true)]
    public long LuceneStandardAnalyzer()
    {
        long tokens = 0;
        foreach (var text in _texts)
        {
            using var stream = _analyzer.GetTokenStream("body", text);
            var term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                tokens += term.Length;
            }

            stream.End();
        }

        return tokens;
    }

    /// <summary>NewsIndex: every alias of every entity found, disambiguated, with offsets.</summary>
    [Benchmark]
    public long NewsIndexTagger()
    {
        long mentions = 0;
        foreach (var text in _texts)
        {
            mentions += _tagger.Tag(text).Count;
        }

        return mentions;
    }

    private sealed class Config : BenchmarkDotNet.Configs.ManualConfig
    {
        public Config()
        {
            AddColumn(new ThroughputColumn("MB/s", "megabytes of UTF-8 text per second (one thread)", _ => Megabytes.Value));
            AddColumn(new ThroughputColumn("Alloc B/KB", "bytes allocated per KB of text", _ => Megabytes.Value * 1000, perUnitAllocation: true));
        }
    }
}
