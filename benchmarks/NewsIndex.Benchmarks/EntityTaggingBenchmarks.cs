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
/// same text with StandardAnalyzer: one pass over the words and nothing else. Beside it, the analysis the index runs
/// on every title and body: <c>NewsAnalyzer</c> (one <c>NewsTokenizer</c> pass) and the six-stage Lucene chain it
/// replaced (StandardTokenizer, possessive, lower case, ASCII folding, stop words, minimal stemming).
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
    private NewsIndex.Analysis.NewsAnalyzer _newsAnalyzer = null!;
    private Analyzer _chain = null!;

    /// <summary>Loads 2,000 article bodies and builds the tagger.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _texts = BenchmarkData.Articles(Count).Select(a => a.Body).ToArray();
        _tagger = EntityCatalog.Default.Tagger;
        _analyzer = new StandardAnalyzer(LuceneVersion.LUCENE_48);
        _newsAnalyzer = new NewsIndex.Analysis.NewsAnalyzer();
        _chain = Analyzer.NewAnonymous((_, reader) =>
        {
            var tokenizer = new StandardTokenizer(LuceneVersion.LUCENE_48, reader);
            TokenStream stream = new Lucene.Net.Analysis.En.EnglishPossessiveFilter(LuceneVersion.LUCENE_48, tokenizer);
            stream = new Lucene.Net.Analysis.Core.LowerCaseFilter(LuceneVersion.LUCENE_48, stream);
            stream = new Lucene.Net.Analysis.Miscellaneous.ASCIIFoldingFilter(stream);
            stream = new Lucene.Net.Analysis.Core.StopFilter(LuceneVersion.LUCENE_48, stream, Lucene.Net.Analysis.Core.StopAnalyzer.ENGLISH_STOP_WORDS_SET);
            stream = new Lucene.Net.Analysis.En.EnglishMinimalStemFilter(stream);
            return new TokenStreamComponents(tokenizer, stream);
        });
    }

    /// <summary>Releases the analyzers.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _analyzer.Dispose();
        _newsAnalyzer.Dispose();
        _chain.Dispose();
    }

    /// <summary>Plain Lucene.Net: StandardAnalyzer over every body.</summary>
    [Benchmark(Baseline = true)]
    public long LuceneStandardAnalyzer() => Analyze(_analyzer);

    /// <summary>The index's analysis as it was: StandardTokenizer and five filters.</summary>
    [Benchmark]
    public long SixStageChain() => Analyze(_chain);

    /// <summary>The index's analysis now: one NewsTokenizer pass, the same terms for ordinary prose.</summary>
    [Benchmark]
    public long NewsAnalyzer() => Analyze(_newsAnalyzer);

    private long Analyze(Analyzer analyzer)
    {
        long tokens = 0;
        foreach (var text in _texts)
        {
            using var stream = analyzer.GetTokenStream("body", text);
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

    /// <summary>The tagger's first step alone: tokenising every body and looking each word up in the alias
    /// vocabulary. The rest of <see cref="NewsIndexTagger"/> is matching aliases and resolving them.</summary>
    [Benchmark]
    public long TaggerTokenizeOnly()
    {
        long tokens = 0;
        var buffer = new NewsIndex.Entities.Token[256];
        var vocabulary = _tagger.Vocabulary;
        foreach (var text in _texts)
        {
            tokens += NewsIndex.Entities.Tokenizer.Tokenize(text, ref buffer, vocabulary);
        }

        return tokens;
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
