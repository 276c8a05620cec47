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

    private SearchResults SearchCollapsed(IndexSearcher searcher, CompiledQuery compiled, string queryText, SearchOptions options, PageCursor? cursor, ulong fingerprint)
    {
        var byDate = options.Sort == SortOrder.Date;
        var lookup = new DocLookup(searcher.IndexReader);
        var collapse = new CollapseCollector(byDate, lookup);
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
            var story = collapse.Keys.IdOf(key);
            hits[i] = story is null ? hit : hit with { Collapsed = Summarize(searcher, story, collapse.Matches(key)) };
        }

        string? next = null;
        var returned = (long)(cursor?.Returned ?? 0) + hits.Length;
        if (top.Count > options.Size && returned <= int.MaxValue)
        {
            var (doc, score, date) = collapse.Best(page[^1]);
            next = new PageCursor(options.Sort, fingerprint, byDate ? 0f : score, byDate ? date : long.MinValue, (int)returned, lookup.IdOf(doc)).Encode();
        }

        return new SearchResults
        {
            Query = queryText,
            Total = collapse.Total,
            TotalStories = collapse.Keys.Count,
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

        var options = SearchOptions.Default with { Snippets = false, Explain = false };
        var compiled = new CompiledQuery(new MatchAllDocsQuery(), new HashSet<string>(), [], Neutral: false);
        var articles = docs.Select(d => ToHit(searcher, new ScoreDoc(d, 0f), compiled, options)).ToArray();
        return new StoryDetail(Summarize(searcher, lookup, docs, docs.Count), articles);
    }

    /// <summary>The summary of a story over all its articles; null when no article has this story.</summary>
    public static StorySummary? Summarize(IndexSearcher searcher, string storyId, int matching)
    {
        var docs = StoryDocs(searcher, storyId, out var lookup);
        return docs.Count == 0 ? null : Summarize(searcher, lookup, docs, matching);
    }

    /// <summary>The documents of a story, in time order (undated last, then by article id).</summary>
    private static List<int> StoryDocs(IndexSearcher searcher, string storyId, out DocLookup lookup)
    {
        var docs = new List<int>();
        searcher.Search(new TermQuery(new Term(FieldNames.Story, storyId)), new DocListCollector(docs));
        var l = new DocLookup(searcher.IndexReader);
        docs.Sort((a, b) =>
        {
            long pa = l.PublishedOf(a), pb = l.PublishedOf(b);
            if (pa != pb)
            {
                // Undated (long.MinValue) after every date.
                return pa == long.MinValue ? 1 : pb == long.MinValue ? -1 : pa.CompareTo(pb);
            }

            return string.CompareOrdinal(l.IdOf(a), l.IdOf(b));
        });
        lookup = l;
        return docs;
    }

    private static StorySummary Summarize(IndexSearcher searcher, DocLookup lookup, List<int> docs, int matching)
    {
        var sources = new List<string>();
        var entities = new Dictionary<(EntityKind, string), int>();
        DateTimeOffset? first = null, last = null;
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
            foreach (var source in Labels(leaf.AtomicReader, FieldNames.SourceFacet, local))
            {
                if (!sources.Contains(source, StringComparer.Ordinal))
                {
                    sources.Add(source);
                }
            }

            foreach (var kind in Enum.GetValues<EntityKind>())
            {
                foreach (var id in Labels(leaf.AtomicReader, FieldNames.Entity(kind), local))
                {
                    entities[(kind, id)] = entities.GetValueOrDefault((kind, id)) + 1;
                }
            }
        }

        var title = DocumentMapper.Read(searcher.IndexReader, docs[0], full: false).Article.Title;
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

    private static IEnumerable<string> Labels(AtomicReader reader, string field, int doc)
    {
        var values = SegmentOrdinals.For(reader, field);
        if (values is null)
        {
            yield break;
        }

        for (int i = values.Starts[doc], end = values.Starts[doc + 1]; i < end; i++)
        {
            yield return values.Labels[values.Ordinals[i]];
        }
    }

    /// <summary>Collects global document numbers.</summary>
    private sealed class DocListCollector(List<int> docs) : ICollector
    {
        private int _docBase;

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer)
        {
        }

        public void SetNextReader(AtomicReaderContext context) => _docBase = context.DocBase;

        public void Collect(int doc) => docs.Add(_docBase + doc);
    }
}
