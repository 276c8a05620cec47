using System.Globalization;
using System.Text;
using Lucene.Net.Index;
using Lucene.Net.Queries.Mlt;
using Lucene.Net.Search;
using NewsIndex.Entities;
using NewsIndex.Mapping;
using NewsIndex.Querying;
using NewsIndex.Results;

namespace NewsIndex.Indexing;

public sealed partial class ArticleIndex
{
    private const int MaxPageSize = 1000;
    private SnippetBuilder? _snippets;

    private SnippetBuilder Snippets => _snippets ??= new SnippetBuilder(_analyzer, Catalog);

    /// <summary>Searches with the query-string syntax (see the README). Entity values are checked against the catalog.</summary>
    /// <exception cref="QuerySyntaxException">The query cannot be parsed, names an unknown entity, or breaks a limit; the message gives the position.</exception>
    public SearchResults Search(string query, SearchOptions? options = null) =>
        Search(NewsQuery.Parse(query, Catalog, _options.QueryLimits), options);

    /// <summary>Searches with a typed query.</summary>
    /// <exception cref="UnknownEntityException">An entity value does not resolve in the catalog.</exception>
    /// <exception cref="QueryTooComplexException">The query is too deep or too large.</exception>
    public SearchResults Search(NewsQuery query, SearchOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        options ??= SearchOptions.Default;
        if (options.Size is < 1 or > MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Size, $"page size must be 1 to {MaxPageSize}");
        }

        var compiled = _compiler.Compile(query);
        var cursor = options.After is null ? null : Cursor.Decode(options.After, options.Sort);
        var searcher = Acquire();
        try
        {
            ITopDocsCollector top = options.Sort == SortOrder.Date
                ? TopFieldCollector.Create(DateSort, options.Size, cursor?.ToFieldDoc(), true, true, false, false)
                : TopScoreDocCollector.Create(options.Size, cursor?.ToScoreDoc(), false);
            var facets = options.Facets.Count > 0 ? new FacetCollector(options.Facets) : null;
            searcher.Search(compiled.Lucene, facets is null ? top : MultiCollector.Wrap(top, facets));
            var docs = top.GetTopDocs();
            var hits = docs.ScoreDocs.Select(scoreDoc => ToHit(searcher, scoreDoc, compiled, options)).ToArray();
            var returned = (cursor?.Returned ?? 0) + hits.Length;
            return new SearchResults
            {
                Query = query.ToString(),
                Total = docs.TotalHits,
                Hits = hits,
                Facets = facets?.Results(options.FacetSize) ?? [],
                NextCursor = returned < docs.TotalHits && docs.ScoreDocs.Length > 0 ? Cursor.From(docs.ScoreDocs[^1], options.Sort, returned).Encode() : null,
            };
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>The stored article with this id, with its entities, or null.</summary>
    public StoredArticle? Get(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var searcher = Acquire();
        try
        {
            var docs = searcher.Search(new TermQuery(new Term(FieldNames.Id, id)), 1);
            return docs.TotalHits == 0 ? null : DocumentMapper.Read(searcher.IndexReader, docs.ScoreDocs[0].Doc);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>Every live article, in index order (a snapshot taken when enumeration starts).</summary>
    public IEnumerable<StoredArticle> All()
    {
        var searcher = Acquire();
        try
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
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>Articles most like the one with <paramref name="id"/>: shared distinctive words (MoreLikeThis) and shared
    /// prominent entities. Empty when the id is unknown.</summary>
    public IReadOnlyList<SearchHit> Related(string id, int count = 10)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var searcher = Acquire();
        try
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
                Analyzer = _analyzer,
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
            var compiled = new CompiledQuery(query, new HashSet<string>(), []);
            var options = SearchOptions.Default with { Snippets = false, Explain = false };
            return searcher.Search(query, count).ScoreDocs.Select(d => ToHit(searcher, d, compiled, options)).ToArray();
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    private static Sort DateSort { get; } = new(new SortField(FieldNames.Published, SortFieldType.INT64, true), SortField.FIELD_SCORE);

    private SearchHit ToHit(IndexSearcher searcher, ScoreDoc scoreDoc, CompiledQuery compiled, SearchOptions options)
    {
        // Body and mentions are the bulk of a stored document; read them only when snippets or explanations need them.
        var stored = DocumentMapper.Read(searcher.IndexReader, scoreDoc.Doc, full: options.Snippets || options.Explain);
        var article = stored.Article;
        var bodyTerms = options.Snippets || options.Explain ? Snippets.QueryTermsIn(article.Body, compiled.Terms) : [];
        return new SearchHit
        {
            Id = article.Id,
            Title = article.Title,
            Published = article.Published,
            Source = article.Source,
            Url = article.Url,
            Score = float.IsNaN(scoreDoc.Score) ? 0 : scoreDoc.Score,
            Mentioned = stored.Entities.Mentioned,
            About = stored.Entities.About,
            Snippets = options.Snippets ? Snippets.Build(stored, compiled, options, bodyTerms) : [],
            Why = options.Explain ? Snippets.Explain(stored, compiled, bodyTerms) : [],
        };
    }

    /// <summary>A search-after position: the last hit of a page (doc, score, sort value) and how many hits came before.</summary>
    private sealed record Cursor(SortOrder Sort, int Doc, float Score, long SortValue, int Returned)
    {
        public static Cursor From(ScoreDoc last, SortOrder sort, int returned) =>
            new(sort, last.Doc, last.Score, last is FieldDoc field && field.Fields[0] is J2N.Numerics.Number value ? value.ToInt64() : 0, returned);

        public ScoreDoc ToScoreDoc() => new(Doc, Score);

        public FieldDoc ToFieldDoc() => new(Doc, Score, [J2N.Numerics.Int64.GetInstance(SortValue), J2N.Numerics.Single.GetInstance(Score)]);

        public string Encode() => Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Join(':',
                Sort == SortOrder.Date ? "d" : "r", Doc.ToString(CultureInfo.InvariantCulture), Score.ToString("R", CultureInfo.InvariantCulture),
                SortValue.ToString(CultureInfo.InvariantCulture), Returned.ToString(CultureInfo.InvariantCulture))))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

        public static Cursor Decode(string text, SortOrder sort)
        {
            try
            {
                var base64 = text.Replace('-', '+').Replace('_', '/');
                base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
                var parts = Encoding.UTF8.GetString(Convert.FromBase64String(base64)).Split(':');
                var cursorSort = parts[0] == "d" ? SortOrder.Date : SortOrder.Relevance;
                if (parts.Length != 5 || cursorSort != sort)
                {
                    throw new FormatException();
                }

                return new Cursor(sort, int.Parse(parts[1], CultureInfo.InvariantCulture), float.Parse(parts[2], CultureInfo.InvariantCulture),
                    long.Parse(parts[3], CultureInfo.InvariantCulture), int.Parse(parts[4], CultureInfo.InvariantCulture));
            }
            catch (Exception ex) when (ex is FormatException or IndexOutOfRangeException or OverflowException)
            {
                throw new NewsIndexException($"invalid paging cursor \"{text}\" (it must come from a previous result with the same query and sort)", ex);
            }
        }
    }
}
