using BenchmarkDotNet.Attributes;
using NewsIndex.Entities;
using NewsIndex.Ingestion;
using NewsIndex.Stories;

namespace NewsIndex.Benchmarks;

/// <summary>
/// What story assignment adds per article, next to the entity tagging it follows in the same run: 4,000 articles
/// (Reuters-21578 when present, dated), tagged in <see cref="Setup"/>. The baseline is tagging alone; signing
/// (tokenising title, lead and body, MinHash) and assigning (candidate lookup and scoring against everything assigned
/// before) are measured separately and together, so the Ratio column reads as "share of tagging cost".
/// </summary>
[MemoryDiagnoser]
public class StoryBenchmarks
{
    private const int Count = 4000;

    private Article[] _articles = [];
    private ArticleEntities[] _entities = [];
    private StorySignature[] _signatures = [];
    private EntityTagger _tagger = null!;

    /// <summary>Loads and tags the articles, and signs them once for the assign-only benchmark.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _tagger = EntityCatalog.Default.Tagger;
        _articles = BenchmarkData.Articles(Count);
        _entities = _articles.Select(_tagger.Tag).ToArray();
        _signatures = _articles.Select((a, i) => StorySignature.Create(a, _entities[i])).ToArray();
    }

    /// <summary>Entity tagging of every article (what indexing does anyway).</summary>
    [Benchmark(Baseline = true)]
    public int Tag()
    {
        var mentions = 0;
        foreach (var article in _articles)
        {
            mentions += _tagger.Tag(article).Mentions.Count;
        }

        return mentions;
    }

    /// <summary>Story signatures only (thread-safe; may run on the tagging threads).</summary>
    [Benchmark]
    public int Sign()
    {
        var words = 0;
        for (var i = 0; i < _articles.Length; i++)
        {
            words += StorySignature.Create(_articles[i], _entities[i]).WordCount;
        }

        return words;
    }

    /// <summary>Assignment of pre-computed signatures into a fresh assigner (the part under the lock).</summary>
    [Benchmark]
    public int Assign()
    {
        var assigner = new StoryAssigner();
        for (var i = 0; i < _articles.Length; i++)
        {
            assigner.Assign(_articles[i].Id, _signatures[i]);
        }

        return assigner.StoryCount;
    }

    /// <summary>Signing plus assignment: the whole cost story assignment adds to indexing one article.</summary>
    [Benchmark]
    public int SignAndAssign()
    {
        var assigner = new StoryAssigner();
        for (var i = 0; i < _articles.Length; i++)
        {
            assigner.Assign(_articles[i], _entities[i]);
        }

        return assigner.StoryCount;
    }
}
