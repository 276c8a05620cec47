using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using NewsIndex.Indexing;
using NewsIndex.Mapping;
using NewsIndex.Ingestion;
using NewsIndex.Querying;
using NewsIndex.Results;

namespace NewsIndex.Benchmarks;

/// <summary>
/// The query hot path on a prebuilt on-disk index of the Reuters-21578 train articles (15,390; synthetic news when the
/// corpus is absent). Each NewsIndex query is paired, in its category, with the equivalent hand-built Lucene.Net query
/// or collector run on the same index (the baseline), so the ratio is what the typed API, result mapping, snippets and
/// facets cost on top of Lucene. Hits are materialised (stored fields loaded) on both sides.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class QueryBenchmarks
{
    private const int PageSize = 10;
    private const int DeepPages = 50;
    private static readonly SearchOptions Lean = new() { Size = PageSize, Snippets = false, Why = false };

    private string _path = null!;
    private ArticleIndex _index = null!;
    private DirectoryReader _reader = null!;
    private IndexSearcher _searcher = null!;
    private Analysis.NewsAnalyzer _analyzer = null!;

    /// <summary>Builds the index once for all benchmarks in this class.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _path = Path.Combine(Path.GetTempPath(), "newsindex-query-bench-" + Environment.ProcessId);
        if (System.IO.Directory.Exists(_path))
        {
            System.IO.Directory.Delete(_path, true);
        }

        // One indexing thread: the same segment layout in every benchmark process, so runs compare like with like.
        using (var build = ArticleIndex.Open(_path, new ArticleIndexOptions { IndexingThreads = 1 }))
        {
            build.IndexAll(Corpora.HasReuters ? ArticleReader.Read(Corpora.ReutersTrain) : BenchmarkData.Articles(15_000));
            build.Commit();
        }

        _index = ArticleIndex.Open(_path, new ArticleIndexOptions { ReadOnly = true });
        _reader = DirectoryReader.Open(new NIOFSDirectory(new DirectoryInfo(_path)));
        _searcher = new IndexSearcher(_reader);
        _analyzer = new Analysis.NewsAnalyzer();
    }

    /// <summary>Closes and deletes the index.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _index.Dispose();
        _reader.Dispose();
        _analyzer.Dispose();
        System.IO.Directory.Delete(_path, true);
    }

    // ---- full text: "oil prices" in title (x2) or body ----

    /// <summary>Lucene: hand-built term query, top 10 with stored fields.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("Text")]
    public int TextLucene() => Materialise(_searcher.Search(Words("oil", "price"), PageSize));

    /// <summary>NewsIndex: <c>Q.Text("oil prices")</c>.</summary>
    [Benchmark, BenchmarkCategory("Text")]
    public int TextNewsIndex() => _index.Search(Q.Text("oil prices"), Lean).Hits.Count;

    // ---- entity filter: country:JP ----

    /// <summary>Lucene: mentions JP, about JP scores higher.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("Entity")]
    public int EntityLucene() => Materialise(_searcher.Search(Entity("country", "JP"), PageSize));

    /// <summary>NewsIndex: <c>Q.Country("Japan")</c> (alias resolved through the catalog).</summary>
    [Benchmark, BenchmarkCategory("Entity")]
    public int EntityNewsIndex() => _index.Search(Q.Country("Japan"), Lean).Hits.Count;

    // ---- entity + text ----

    /// <summary>Lucene: country:JP AND trade.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("EntityText")]
    public int EntityTextLucene() => Materialise(_searcher.Search(new BooleanQuery { { Entity("country", "JP"), Occur.MUST }, { Words("trade"), Occur.MUST } }, PageSize));

    /// <summary>NewsIndex: <c>Q.Country("Japan") &amp; Q.Text("trade")</c>.</summary>
    [Benchmark, BenchmarkCategory("EntityText")]
    public int EntityTextNewsIndex() => _index.Search(Q.Country("Japan") & Q.Text("trade"), Lean).Hits.Count;

    // ---- relation: anything tied to the USSR (forces, bases) ----

    /// <summary>Lucene: affiliation term.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("Relation")]
    public int RelationLucene() => Materialise(_searcher.Search(new ConstantScoreQuery(new TermQuery(new Term("affiliation", "US"))), PageSize));

    /// <summary>NewsIndex: <c>Q.AffiliatedWith("United States")</c>.</summary>
    [Benchmark, BenchmarkCategory("Relation")]
    public int RelationNewsIndex() => _index.Search(Q.AffiliatedWith("United States"), Lean).Hits.Count;

    // ---- date sort over a broad match ----

    /// <summary>Lucene: country:US sorted by published, newest first.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("DateSort")]
    public int DateSortLucene() => Materialise(_searcher.Search(Entity("country", "US"), null, PageSize,
        new Sort(new SortField("published", SortFieldType.INT64, true), SortField.FIELD_SCORE), true, false));

    /// <summary>NewsIndex: <c>Q.Country("US")</c>, <c>SortOrder.Date</c>.</summary>
    [Benchmark, BenchmarkCategory("DateSort")]
    public int DateSortNewsIndex() => _index.Search(Q.Country("US"), Lean with { Sort = SortOrder.Date }).Hits.Count;

    // ---- facets: exact counts over every match of a broad query ----

    /// <summary>Lucene: a hand-written sorted-set doc values counter for the five facet fields, plus top 10.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("Facets")]
    public int FacetsLucene()
    {
        var top = TopScoreDocCollector.Create(PageSize, false);
        var counter = new OrdinalCounter(["country", "force", "base", "source_facet", "month"]);
        _searcher.Search(Entity("country", "US"), MultiCollector.Wrap(top, counter));
        return Materialise(top.GetTopDocs()) + counter.Distinct;
    }

    /// <summary>NewsIndex: <c>Q.Country("US")</c> with all five facets.</summary>
    [Benchmark, BenchmarkCategory("Facets")]
    public int FacetsNewsIndex() => _index.Search(Q.Country("US"), Lean with { Facets = Enum.GetValues<FacetField>() }).Facets.Sum(f => f.Value.Count);

    // ---- snippets for the top 10 ----

    /// <summary>Lucene: top 10, then re-analyse each body and cut a window around the first query term.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("Snippets")]
    public int SnippetsLucene()
    {
        var terms = new HashSet<string> { "oil", "price" };
        var length = 0;
        foreach (var hit in _searcher.Search(Words("oil", "price"), PageSize).ScoreDocs)
        {
            var body = _searcher.Doc(hit.Doc).Get("body", System.Globalization.CultureInfo.InvariantCulture);
            using var stream = _analyzer.GetTokenStream("body", body);
            var term = stream.AddAttribute<ICharTermAttribute>();
            var offset = stream.AddAttribute<IOffsetAttribute>();
            stream.Reset();
            var first = -1;
            while (stream.IncrementToken())
            {
                if (first < 0 && terms.Contains(term.ToString()))
                {
                    first = offset.StartOffset;
                }
            }

            stream.End();
            var start = Math.Max(0, first - 40);
            length += body.Substring(start, Math.Min(200, body.Length - start)).Length;
        }

        return length;
    }

    /// <summary>NewsIndex: <c>Q.Text("oil prices")</c> with two marked snippets per hit and "why".</summary>
    [Benchmark, BenchmarkCategory("Snippets")]
    public int SnippetsNewsIndex() => _index.Search(Q.Text("oil prices"), new SearchOptions { Size = PageSize }).Hits.Sum(h => h.Snippets.Count);

    // ---- deep paging with search-after ----

    /// <summary>Lucene: searchAfter through 50 pages of country:US.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("DeepPaging")]
    public int DeepPagingLucene()
    {
        ScoreDoc? after = null;
        var seen = 0;
        var query = Entity("country", "US");
        for (var page = 0; page < DeepPages; page++)
        {
            var docs = after is null ? _searcher.Search(query, PageSize) : _searcher.SearchAfter(after, query, PageSize);
            seen += Materialise(docs);
            after = docs.ScoreDocs[^1];
        }

        return seen;
    }

    /// <summary>NewsIndex: the same 50 pages through <c>SearchResults.NextCursor</c>.</summary>
    [Benchmark, BenchmarkCategory("DeepPaging")]
    public int DeepPagingNewsIndex()
    {
        string? cursor = null;
        var seen = 0;
        for (var page = 0; page < DeepPages; page++)
        {
            var results = _index.Search(Q.Country("US"), Lean with { Cursor = cursor });
            seen += results.Hits.Count;
            cursor = results.NextCursor;
        }

        return seen;
    }

    private static BooleanQuery Words(params string[] terms)
    {
        var query = new BooleanQuery();
        foreach (var term in terms)
        {
            query.Add(new BooleanQuery
            {
                { new TermQuery(new Term("title", term)) { Boost = 2 }, Occur.SHOULD },
                { new TermQuery(new Term("body", term)), Occur.SHOULD },
            }, Occur.MUST);
        }

        return query;
    }

    private static BooleanQuery Entity(string field, string id) => new()
    {
        { new ConstantScoreQuery(new TermQuery(new Term(field, id))), Occur.MUST },
        { new ConstantScoreQuery(new TermQuery(new Term("about_" + field, id))), Occur.SHOULD },
    };

    private int Materialise(TopDocs docs)
    {
        var count = 0;
        foreach (var hit in docs.ScoreDocs)
        {
            count += _searcher.Doc(hit.Doc).Fields.Count > 0 ? 1 : 0;
        }

        return count;
    }

    /// <summary>The baseline's facet counter: per-segment ordinal counts from sorted-set doc values, resolved to labels at the end of each segment.</summary>
    private sealed class OrdinalCounter(string[] fields) : ICollector
    {
        private readonly Dictionary<string, int>[] _counts = fields.Select(_ => new Dictionary<string, int>()).ToArray();
        private readonly SortedSetDocValues?[] _values = new SortedSetDocValues?[fields.Length];
        private readonly int[]?[] _ordinals = new int[]?[fields.Length];

        public int Distinct
        {
            get
            {
                Flush();
                return _counts.Sum(c => c.Count);
            }
        }

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer)
        {
        }

        public void SetNextReader(AtomicReaderContext context)
        {
            Flush();
            for (var f = 0; f < fields.Length; f++)
            {
                _values[f] = context.AtomicReader.GetSortedSetDocValues(fields[f]);
                _ordinals[f] = _values[f] is { } v ? new int[v.ValueCount] : null;
            }
        }

        public void Collect(int doc)
        {
            for (var f = 0; f < fields.Length; f++)
            {
                if (_values[f] is not { } values)
                {
                    continue;
                }

                values.SetDocument(doc);
                long ordinal;
                while ((ordinal = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
                {
                    _ordinals[f]![ordinal]++;
                }
            }
        }

        private void Flush()
        {
            var bytes = new BytesRef();
            for (var f = 0; f < fields.Length; f++)
            {
                if (_ordinals[f] is not { } ordinals || _values[f] is not { } values)
                {
                    continue;
                }

                for (var o = 0; o < ordinals.Length; o++)
                {
                    if (ordinals[o] > 0)
                    {
                        values.LookupOrd(o, bytes);
                        var label = bytes.Utf8ToString();
                        _counts[f][label] = _counts[f].GetValueOrDefault(label) + ordinals[o];
                    }
                }

                _ordinals[f] = null;
            }
        }
    }
}
