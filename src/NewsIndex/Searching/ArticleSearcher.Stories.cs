using System.Runtime.InteropServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using NewsIndex.Entities;
using NewsIndex.Mapping;
using NewsIndex.Querying;
using NewsIndex.Results;

namespace NewsIndex.Searching;

/// <summary>Collapse to one hit per story, story summaries, a story's articles.</summary>
internal sealed partial class ArticleSearcher
{
    private const int TopEntityCount = 5;
    private static readonly EntityKind[] Kinds = Enum.GetValues<EntityKind>();

    /// <summary>The stories with a match, each summarised with its first report's headline (one stored read per story).</summary>
    public IReadOnlyList<StorySummary> Stories(IndexSearcher searcher, CompiledQuery compiled, string queryText, int count, SortOrder sort)
    {
        if (count is < 1 or > MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"count must be 1 to {MaxPageSize}");
        }

        if (compiled.Neutral)
        {
            return [];
        }

        var options = new SearchOptions { Size = count, Sort = sort, Collapse = true, Snippets = false, Why = false };
        var results = SearchCollapsed(searcher, compiled, queryText, options, null, 0, firstReportTitles: true);
        return results.Hits.Where(h => h.Collapsed is not null).Select(h => h.Collapsed!).ToArray();
    }

    private SearchResults SearchCollapsed(IndexSearcher searcher, CompiledQuery compiled, string queryText, SearchOptions options, PageCursor? cursor, ulong fingerprint, bool firstReportTitles = false)
    {
        var byDate = options.Sort == SortOrder.Date;
        var lookup = new DocLookup(searcher.IndexReader);
        using var collapse = new CollapseCollector(byDate, lookup, searcher.IndexReader);
        var facets = options.Facets.Count > 0 ? new FacetCollector(options.Facets, options.FacetUnit) : null;
        searcher.Search(compiled.Lucene, facets is null ? collapse : MultiCollector.Wrap(collapse, facets));

        // One story more than the page says whether there is a next page.
        var top = collapse.Top(options.Size + 1, cursor?.Score ?? 0f, cursor?.Published ?? 0L, cursor?.Id);
        var page = top.Take(options.Size).ToArray();
        var hits = new SearchHit[page.Length];
        for (var i = 0; i < page.Length; i++)
        {
            var key = page[i];
            var (doc, score, _) = collapse.Best(key);
            var hit = ToHit(searcher, new ScoreDoc(doc, score), compiled, options);
            var story = collapse.IdOf(key);
            hits[i] = story is null ? hit : hit with { Collapsed = Summarize(searcher, story, collapse.Matches(key), firstReportTitles ? null : hit.Title, lookup) };
        }

        string? next = null;
        var returned = (long)(cursor?.Returned ?? 0) + hits.Length;
        if (top.Count > options.Size && returned <= int.MaxValue)
        {
            var (doc, score, date) = collapse.Best(page[^1]);
            // A collapsed cursor's id is the story id (the order of stories of equal score or date).
            next = new PageCursor(options.Sort, fingerprint, byDate ? 0f : score, byDate ? date : long.MinValue, (int)returned, collapse.GroupIdOf(page[^1])).Encode();
        }

        return new SearchResults
        {
            Query = queryText,
            Total = collapse.Total,
            TotalStories = collapse.Stories,
            Hits = hits,
            Facets = facets?.Results(options.FacetSize) ?? new Dictionary<FacetField, IReadOnlyList<FacetCount>>(),
            NextCursor = next,
        };
    }

    /// <summary>Counts the matches of <paramref name="compiled"/> over time.</summary>
    public static Timeline Timeline(IndexSearcher searcher, CompiledQuery compiled, string queryText, TimelineInterval interval, EntityKind? by, CountUnit unit, int series)
    {
        var collector = new TimelineCollector(interval, by, unit);
        if (!compiled.Neutral)
        {
            searcher.Search(compiled.Lucene, collector);
        }

        return collector.Result(queryText, series);
    }

    /// <summary>A story's articles in time order (undated last, then by id) with its summary; null when no article has this story.</summary>
    public StoryDetail? Story(IndexSearcher searcher, string storyId)
    {
        var docs = StoryDocs(searcher, storyId, out var lookup);
        if (docs.Count == 0)
        {
            return null;
        }

        var options = SearchOptions.Default with { Snippets = false, Why = false };
        var compiled = new CompiledQuery(new MatchAllDocsQuery(), new HashSet<string>(), [], Neutral: false);
        var articles = docs.Select(d => ToHit(searcher, new ScoreDoc(d, 0f), compiled, options)).ToArray();
        return new StoryDetail(Summarize(searcher, lookup, docs, docs.Count), articles);
    }

    /// <summary>The summary of a story over all its articles; null when no article has this story.</summary>
    /// <param name="searcher">The searcher.</param>
    /// <param name="storyId">The story.</param>
    /// <param name="matching">How many of its articles matched.</param>
    /// <param name="title">The headline to use (a collapsed hit's own); null reads the first report's.</param>
    /// <param name="shared">A lookup to reuse (its doc values are fetched once per leaf); null makes one.</param>
    /// <remarks>The whole-story part is computed once per reader and story (<see cref="GlobalStoryKeys.KeepSummary"/>):
    /// it costs time in proportion to the story's size (about 65 µs for a page story of the Reuters benchmark), and a
    /// reader never changes.</remarks>
    public static StorySummary? Summarize(IndexSearcher searcher, string storyId, int matching, string? title = null, DocLookup? shared = null)
    {
        var keys = GlobalStoryKeys.For(searcher.IndexReader);
        if (!keys.TryGetSummary(storyId, out var whole))
        {
            var docs = StoryDocs(searcher, storyId, out var lookup, shared);
            if (docs.Count == 0)
            {
                return null;
            }

            whole = new CachedStorySummary(Summarize(searcher, lookup, docs, docs.Count, title: string.Empty), docs[0]);
            keys.KeepSummary(storyId, whole);
        }

        title ??= whole.FirstTitle ??= DocumentMapper.Read(searcher.IndexReader, whole.FirstDoc, full: false).Article.Title;
        return whole.Summary with { Matching = matching, Title = title };
    }

    /// <summary>The documents of a story, in time order (undated last, then by article id).</summary>
    private static List<int> StoryDocs(IndexSearcher searcher, string storyId, out DocLookup lookup, DocLookup? shared = null)
    {
        var docs = new List<int>();
        var segments = GlobalStoryKeys.For(searcher.IndexReader).Segments;
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            var live = leaf.AtomicReader.LiveDocs;
            foreach (var doc in segments[leaf.Ord].DocsOf(storyId))
            {
                if (live is null || live.Get(doc))
                {
                    docs.Add(leaf.DocBase + doc);
                }
            }
        }

        var l = shared ?? new DocLookup(searcher.IndexReader);
        var entries = new (long Published, int Doc)[docs.Count];
        for (var i = 0; i < entries.Length; i++)
        {
            // Undated (long.MinValue) after every date.
            var millis = l.PublishedOf(docs[i]);
            entries[i] = (millis == long.MinValue ? long.MaxValue : millis, docs[i]);
        }

        Array.Sort(entries, (a, b) =>
        {
            var order = a.Published.CompareTo(b.Published);
            return order != 0 ? order : string.CompareOrdinal(l.IdOf(a.Doc), l.IdOf(b.Doc));
        });
        for (var i = 0; i < entries.Length; i++)
        {
            docs[i] = entries[i].Doc;
        }

        lookup = l;
        return docs;
    }

    private static StorySummary Summarize(IndexSearcher searcher, DocLookup lookup, List<int> docs, int matching, string? title = null)
    {
        var sources = new List<string>();
        var seenSources = new HashSet<long>();
        // Entity counts by (field, segment, ordinal): integers while counting, labels only for the distinct values.
        var counts = new Dictionary<long, int>();
        DateTimeOffset? first = null, last = null;
        var keys = GlobalStoryKeys.For(searcher.IndexReader);
        foreach (var doc in docs)
        {
            var published = lookup.PublishedOf(doc);
            if (published != long.MinValue)
            {
                var time = DateTimeOffset.FromUnixTimeMilliseconds(published);
                first = first is null || time < first ? time : first;
                last = last is null || time > last ? time : last;
            }

            var (leaf, local) = lookup.Locate(doc);
            var values = keys.SummaryValuesOf(leaf);
            if (values[0] is { } sourceValues)
            {
                for (int i = sourceValues.Starts[local], end = sourceValues.Starts[local + 1]; i < end; i++)
                {
                    var ordinal = sourceValues.Ordinals[i];
                    if (seenSources.Add(ValueKey(0, leaf.Ord, ordinal)) && !sources.Contains(sourceValues.Labels[ordinal], StringComparer.Ordinal))
                    {
                        sources.Add(sourceValues.Labels[ordinal]);
                    }
                }
            }

            for (var field = 1; field < values.Length; field++)
            {
                if (values[field] is not { } entityValues)
                {
                    continue;
                }

                for (int i = entityValues.Starts[local], end = entityValues.Starts[local + 1]; i < end; i++)
                {
                    CollectionsMarshal.GetValueRefOrAddDefault(counts, ValueKey(field, leaf.Ord, entityValues.Ordinals[i]), out _)++;
                }
            }
        }

        var entities = new Dictionary<(EntityKind, string), int>();
        foreach (var (key, count) in counts)
        {
            var (field, segment, ordinal) = ((int)(key >> 56), (int)((key >> 32) & 0xFFFFFF), (int)key);
            var kind = Kinds[field - 1];
            var label = keys.SummaryValues[segment]![field]!.Labels[ordinal];
            CollectionsMarshal.GetValueRefOrAddDefault(entities, (kind, label), out _) += count;
        }

        // A stored-document read costs more than the rest of the summary: a collapsed hit brings its own headline.
        title ??= DocumentMapper.Read(searcher.IndexReader, docs[0], full: false).Article.Title;
        return new StorySummary
        {
            Id = lookup.StoryOf(docs[0]) ?? string.Empty,
            Size = docs.Count,
            Matching = matching,
            FirstSeen = first,
            LastSeen = last,
            Sources = sources,
            Title = title,
            TopEntities = entities
                .OrderByDescending(e => e.Value).ThenBy(e => e.Key.Item1).ThenBy(e => e.Key.Item2, StringComparer.Ordinal)
                .Take(TopEntityCount).Select(e => new StoryEntity(e.Key.Item1, e.Key.Item2, e.Value)).ToArray(),
        };
    }

    /// <summary>One doc-values value of a story summary: field (0 source, 1 + entity kind), segment, ordinal.</summary>
    private static long ValueKey(int field, int segment, int ordinal) => ((long)field << 56) | ((long)segment << 32) | (uint)ordinal;
}
