using System.Diagnostics;
using NewsIndex.Entities;
using NewsIndex.Indexing;
using NewsIndex.Mapping;
using NewsIndex.Querying;
using NewsIndex.Results;
using NewsIndex.Searching;

namespace NewsIndex;

public sealed partial class ArticleIndex
{
    /// <summary>Searches with the query-string syntax (see the README). Entity values are checked against the catalog.</summary>
    /// <exception cref="QuerySyntaxException">The query cannot be parsed, names an unknown entity, or breaks a limit; the message gives the position.</exception>
    /// <exception cref="ArgumentException">The options are invalid (page size, or a cursor from another query or sort).</exception>
    public SearchResults Search(string query, SearchOptions? options = null) =>
        Search(NewsQuery.Parse(query, Catalog, _options.QueryLimits), options);

    /// <summary>Searches with a typed query.</summary>
    /// <exception cref="UnknownEntityException">An entity value does not resolve in the catalog.</exception>
    /// <exception cref="QueryTooComplexException">The query is too deep or too large.</exception>
    /// <exception cref="ArgumentException">The options are invalid (page size, or a cursor from another query or sort).</exception>
    public SearchResults Search(NewsQuery query, SearchOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        options ??= SearchOptions.Default;
        var started = Stopwatch.GetTimestamp();
        var compiled = _compiler.Compile(query);
        var searcher = _store.Acquire();
        SearchResults results;
        try
        {
            results = IndexErrors.Read(Location, "searching", () => _searcher.Search(searcher, compiled, query.ToString(), options));
        }
        finally
        {
            _store.Release(searcher);
        }

        if (_options.Logger is { } logger && _options.SlowQueryThreshold != Timeout.InfiniteTimeSpan
            && Stopwatch.GetElapsedTime(started) is var elapsed && elapsed >= _options.SlowQueryThreshold)
        {
            IndexLog.SlowQuery(logger, Location, results.Query, elapsed.TotalMilliseconds, results.Total);
        }

        return results;
    }

    /// <summary>The stored article with this id, with its entities, or null.</summary>
    public StoredArticle? Get(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var searcher = _store.Acquire();
        try
        {
            return IndexErrors.Read(Location, $"reading article \"{id}\"", () => ArticleSearcher.Get(searcher, id));
        }
        finally
        {
            _store.Release(searcher);
        }
    }

    /// <summary>Every live article, in index order (a snapshot taken when enumeration starts).</summary>
    public IEnumerable<StoredArticle> All()
    {
        var searcher = _store.Acquire();
        try
        {
            using var articles = ArticleSearcher.All(searcher).GetEnumerator();
            while (IndexErrors.Read(Location, "reading articles", articles.MoveNext))
            {
                yield return articles.Current;
            }
        }
        finally
        {
            _store.Release(searcher);
        }
    }

    /// <summary>Articles most like the one with <paramref name="id"/>: shared distinctive words (MoreLikeThis) and shared
    /// prominent entities. Empty when the id is unknown.</summary>
    public IReadOnlyList<SearchHit> Related(string id, int count = 10)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, ArticleSearcher.MaxPageSize);
        var searcher = _store.Acquire();
        try
        {
            return IndexErrors.Read(Location, "finding related articles", () => _searcher.Related(searcher, id, count));
        }
        finally
        {
            _store.Release(searcher);
        }
    }
}
