using BenchmarkDotNet.Attributes;
using NewsIndex.Ingestion;
using NewsIndex.Results;

namespace NewsIndex.Benchmarks;

/// <summary>
/// What collapsing to one hit per story costs next to the same search without it: every Reuters-21578 train article
/// with a body (14,293; synthetic news otherwise) indexed in memory with stories in <see cref="Setup"/>, a page of 10
/// without snippets, relevance order, for a narrow and a broad query. Story summaries are kept per reader, so the
/// pair <see cref="SearchAfterChange"/> / <see cref="SearchCollapsedAfterChange"/> measures the first search on a new
/// reader (one upsert before each search: nothing cached) beside the repeated searches.
/// </summary>
[MemoryDiagnoser]
public class CollapseBenchmarks
{
    private ArticleIndex _index = null!;
    private SearchOptions _plain = null!;
    private SearchOptions _collapsed = null!;

    /// <summary>The query: a narrow one and a broad one.</summary>
    [Params("oil prices", "said")]
    public string Query { get; set; } = "said";

    /// <summary>Indexes the articles once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _index = ArticleIndex.CreateInMemory(new ArticleIndexOptions { IndexingThreads = 2 });
        _index.IndexAll(BenchmarkData.Articles(20_000));
        _index.WaitForMerges(); // no background merge may run (and allocate) while searches are measured
        _plain = new SearchOptions { Size = 10, Snippets = false, Why = false };
        _collapsed = _plain with { Collapse = true };
        _index.Search(Query, _plain);
        _index.Search(Query, _collapsed);
    }

    /// <summary>Disposes the index.</summary>
    [GlobalCleanup]
    public void Cleanup() => _index.Dispose();

    /// <summary>The search without collapse.</summary>
    [Benchmark(Baseline = true)]
    public int Search() => _index.Search(Query, _plain).Total;

    /// <summary>The same search collapsed to one hit per story (with each story's summary).</summary>
    [Benchmark]
    public int SearchCollapsed() => _index.Search(Query, _collapsed).TotalStories ?? 0;

    /// <summary>An upsert, then the search without collapse on the new reader.</summary>
    [Benchmark]
    public int SearchAfterChange()
    {
        _index.Upsert(Touch);
        return _index.Search(Query, _plain).Total;
    }

    /// <summary>An upsert, then the collapsed search on the new reader: every page story summarised afresh.</summary>
    [Benchmark]
    public int SearchCollapsedAfterChange()
    {
        _index.Upsert(Touch);
        return _index.Search(Query, _collapsed).TotalStories ?? 0;
    }

    private static readonly Article Touch = new("benchmark-touch", "A note", "Nothing to report from Niamey.");
}
