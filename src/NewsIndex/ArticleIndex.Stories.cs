using NewsIndex.Entities;
using NewsIndex.Querying;
using NewsIndex.Results;
using NewsIndex.Searching;

namespace NewsIndex;

public sealed partial class ArticleIndex
{
    /// <summary>The stories with an article matching <paramref name="query"/>, best match first (or newest first), each
    /// summarised over all its articles: size, first and last seen, sources, top entities, representative title.</summary>
    /// <param name="query">A query in the query-string syntax.</param>
    /// <param name="count">How many stories, 1 to 1,000.</param>
    /// <param name="sort">Order of the stories by their best-matching article.</param>
    /// <remarks>Articles without a story (an index opened with <see cref="ArticleIndexOptions.Stories"/> null when
    /// they were written) are left out.</remarks>
    /// <exception cref="QuerySyntaxException">The query cannot be parsed or names an unknown entity.</exception>
    public IReadOnlyList<StorySummary> Stories(string query, int count = 20, SortOrder sort = SortOrder.Relevance) =>
        Stories(NewsQuery.Parse(query, Catalog, _options.QueryLimits), count, sort);

    /// <summary>The stories with an article matching a typed query; see <see cref="Stories(string, int, SortOrder)"/>.</summary>
    public IReadOnlyList<StorySummary> Stories(NewsQuery query, int count = 20, SortOrder sort = SortOrder.Relevance)
    {
        ArgumentNullException.ThrowIfNull(query);
        var compiled = _compiler.Compile(query);
        var searcher = _store.Acquire();
        try
        {
            return _searcher.Stories(searcher, compiled, query.ToString(), count, sort);
        }
        finally
        {
            _store.Release(searcher);
        }
    }

    /// <summary>A story's summary and its articles in time order; null when no article has this story id.</summary>
    public StoryDetail? Story(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var searcher = _store.Acquire();
        try
        {
            return _searcher.Story(searcher, id);
        }
        finally
        {
            _store.Release(searcher);
        }
    }

    /// <summary>Counts of articles (or stories) matching <paramref name="query"/> per day, week or month, optionally one
    /// series per entity of a kind (for example Wagner mentions per month per country).</summary>
    /// <param name="query">A query in the query-string syntax.</param>
    /// <param name="interval">The bucket width.</param>
    /// <param name="by">Split by the entities of this kind the articles mention; null for one series.</param>
    /// <param name="count">Count articles, or distinct stories.</param>
    /// <param name="series">Most series kept (the largest totals), 1 to 100.</param>
    /// <exception cref="QuerySyntaxException">The query cannot be parsed or names an unknown entity.</exception>
    public Timeline Timeline(string query, TimelineInterval interval = TimelineInterval.Month, EntityKind? by = null, CountUnit count = CountUnit.Articles, int series = 10) =>
        Timeline(NewsQuery.Parse(query, Catalog, _options.QueryLimits), interval, by, count, series);

    /// <summary>Counts over time for a typed query; see <see cref="Timeline(string, TimelineInterval, EntityKind?, CountUnit, int)"/>.</summary>
    public Timeline Timeline(NewsQuery query, TimelineInterval interval = TimelineInterval.Month, EntityKind? by = null, CountUnit count = CountUnit.Articles, int series = 10)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(series, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(series, 100);
        var compiled = _compiler.Compile(query);
        var searcher = _store.Acquire();
        try
        {
            return ArticleSearcher.Timeline(searcher, compiled, query.ToString(), interval, by, count, series);
        }
        finally
        {
            _store.Release(searcher);
        }
    }
}
