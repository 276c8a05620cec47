using Lucene.Net.Index;
using Lucene.Net.Queries.Mlt;
using Lucene.Net.Search;
using NewsIndex.Analysis;
using NewsIndex.Entities;
using NewsIndex.Mapping;
using NewsIndex.Querying;
using NewsIndex.Results;

namespace NewsIndex.Searching;

/// <summary>
/// The read side of an index: runs compiled queries on a searcher and turns Lucene documents into result values
/// (hits, snippets, "why", facets, cursors), looks articles up by id and finds related ones. Stateless apart from
/// its inputs, so one instance serves concurrent searches.
/// </summary>
internal sealed partial class ArticleSearcher(NewsAnalyzer analyzer, EntityCatalog catalog)
{
    /// <summary>The largest page a search returns.</summary>
    public const int MaxPageSize = 1000;

    private readonly SnippetBuilder _snippets = new(analyzer, catalog);

    /// <summary>Runs <paramref name="compiled"/>; <paramref name="queryText"/> is the query's printed form (what cursors bind to).</summary>
    /// <exception cref="ArgumentException">The page size is out of range or the cursor is invalid for this query and sort.</exception>
    public SearchResults Search(IndexSearcher searcher, CompiledQuery compiled, string queryText, SearchOptions options)
    {
        if (options.Size is < 1 or > MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Size, $"page size must be 1 to {MaxPageSize}");
        }

        // A collapsed page and an article page differ: a cursor of one is refused by the other.
        var fingerprint = PageCursor.Fingerprint(options.Collapse ? queryText + "\u0000collapse" : queryText, options.Sort);
        var cursor = options.Cursor is null ? null : PageCursor.Decode(options.Cursor, options.Sort, fingerprint);
        if (compiled.Neutral)
        {
            return new SearchResults { Query = queryText, Total = 0, Hits = [], IsNeutral = true };
        }

        if (options.Collapse)
        {
            return SearchCollapsed(searcher, compiled, queryText, options, cursor, fingerprint);
        }

        // One hit more than the page: whether it exists says whether there is a next page, whatever was deleted since
        // the earlier pages were counted.
        ScoreDoc[] scoreDocs;
        int total;
        var facets = options.Facets.Count > 0 ? new FacetCollector(options.Facets, options.FacetUnit) : null;
        if (options.Sort == SortOrder.Date)
        {
            // Date order breaks ties by the id's hash, not the score: scores shift when deletes and merges change term
            // statistics, and a cursor must not.
            var top = new DateCollector(options.Size + 1, cursor?.Published ?? 0L, cursor?.Id);
            searcher.Search(compiled.Lucene, facets is null ? top : MultiCollector.Wrap(top, facets));
            (scoreDocs, total) = (top.TopDocs(), top.TotalHits);
        }
        else
        {
            var top = new RelevanceCollector(options.Size + 1, cursor?.Score ?? 0, cursor?.Id);
            searcher.Search(compiled.Lucene, facets is null ? top : MultiCollector.Wrap(top, facets));
            (scoreDocs, total) = (top.TopDocs(), top.TotalHits);
        }

        var hits = new SearchHit[Math.Min(scoreDocs.Length, options.Size)];
        for (var i = 0; i < hits.Length; i++)
        {
            hits[i] = ToHit(searcher, scoreDocs[i], compiled, options);
        }

        var returned = (long)(cursor?.Returned ?? 0) + hits.Length;
        var next = scoreDocs.Length > options.Size && returned <= int.MaxValue
            ? PageCursor.After(scoreDocs[hits.Length - 1], hits[^1].Id, options.Sort, fingerprint, (int)returned).Encode()
            : null;
        return new SearchResults
        {
            Query = queryText,
            Total = total,
            Hits = hits,
            Facets = facets?.Results(options.FacetSize) ?? new Dictionary<FacetField, IReadOnlyList<FacetCount>>(),
            NextCursor = next,
        };
    }

    /// <summary>The stored article with this id, or null.</summary>
    public static StoredArticle? Get(IndexSearcher searcher, string id)
    {
        var docs = searcher.Search(new TermQuery(new Term(FieldNames.Id, id)), 1);
        return docs.TotalHits == 0 ? null : DocumentMapper.Read(searcher.IndexReader, docs.ScoreDocs[0].Doc);
    }

    /// <summary>Every live article of the searcher's snapshot, in index order.</summary>
    public static IEnumerable<StoredArticle> All(IndexSearcher searcher)
    {
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            var reader = leaf.AtomicReader;
            var live = reader.LiveDocs;
            for (var doc = 0; doc < reader.MaxDoc; doc++)
            {
                if (live is null || live.Get(doc))
                {
                    yield return DocumentMapper.Read(reader, doc);
                }
            }
        }
    }

    /// <summary>Articles most like the one with <paramref name="id"/>: shared distinctive words (MoreLikeThis) and
    /// shared prominent entities. Empty when the id is unknown.</summary>
    public IReadOnlyList<SearchHit> Related(IndexSearcher searcher, string id, int count)
    {
        var found = searcher.Search(new TermQuery(new Term(FieldNames.Id, id)), 1);
        if (found.TotalHits == 0)
        {
            return [];
        }

        var docId = found.ScoreDocs[0].Doc;
        var source = DocumentMapper.Read(searcher.IndexReader, docId);
        var like = new MoreLikeThis(searcher.IndexReader)
        {
            Analyzer = analyzer,
            FieldNames = [FieldNames.Title, FieldNames.Body],
            MinTermFreq = 1,
            MinDocFreq = 1,
            MaxQueryTerms = 25,
        };
        var query = new BooleanQuery { { like.Like(docId), Occur.SHOULD } };
        foreach (var kind in Enum.GetValues<EntityKind>())
        {
            foreach (var entity in source.Entities.About.Of(kind))
            {
                query.Add(new ConstantScoreQuery(new TermQuery(new Term(FieldNames.About(kind), entity))) { Boost = 0.5f }, Occur.SHOULD);
            }
        }

        query.Add(new TermQuery(new Term(FieldNames.Id, id)), Occur.MUST_NOT);
        var compiled = new CompiledQuery(query, new HashSet<string>(), [], Neutral: false);
        var options = SearchOptions.Default with { Snippets = false, Why = false };
        return searcher.Search(query, count).ScoreDocs.Select(d => ToHit(searcher, d, compiled, options)).ToArray();
    }

    private ValueList<EntityName> Names(EntitySet mentioned, EntitySet about)
    {
        var names = new List<EntityName>(mentioned.Countries.Count + mentioned.Forces.Count + mentioned.Bases.Count);
        foreach (var kind in Enum.GetValues<EntityKind>())
        {
            foreach (var id in mentioned.Of(kind).Concat(about.Of(kind).Where(a => !mentioned.Contains(kind, a))))
            {
                names.Add(new EntityName(kind, id, catalog.Get(kind, id)?.Name ?? id));
            }
        }

        return names;
    }

    internal SearchHit ToHit(IndexSearcher searcher, ScoreDoc scoreDoc, CompiledQuery compiled, SearchOptions options)
    {
        // Body and mentions are the bulk of a stored document; read them only when snippets or explanations need them.
        var stored = DocumentMapper.Read(searcher.IndexReader, scoreDoc.Doc, full: options.Snippets || options.Why);
        var article = stored.Article;
        var bodyTerms = options.Snippets || options.Why ? _snippets.QueryTermsIn(article.Body, compiled.Terms) : [];
        return new SearchHit
        {
            Id = article.Id,
            Story = stored.Story,
            Title = article.Title,
            Published = article.Published,
            Source = article.Source,
            Url = article.Url,
            Score = float.IsNaN(scoreDoc.Score) ? 0 : scoreDoc.Score,
            Mentioned = stored.Entities.Mentioned,
            About = stored.Entities.About,
            Names = Names(stored.Entities.Mentioned, stored.Entities.About),
            Snippets = options.Snippets ? ValueList.From(_snippets.Build(stored, compiled, options, bodyTerms)) : [],
            Why = options.Why ? ValueList.From(_snippets.Explain(stored, compiled, bodyTerms)) : [],
        };
    }
}
