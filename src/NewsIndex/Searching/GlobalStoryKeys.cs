using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;

namespace NewsIndex.Searching;

/// <summary>
/// Dense story numbers across the segments of one top-level reader (segment ordinals differ per segment), computed once
/// per reader (each near-real-time refresh makes a new one) and shared by every search on it.
/// </summary>
internal sealed class GlobalStoryKeys
{
    private static readonly ConditionalWeakTable<IndexReader, GlobalStoryKeys> Cache = [];

    private GlobalStoryKeys(IndexReader reader)
    {
        var leaves = reader.Leaves;
        var keys = new Dictionary<string, int>(StringComparer.Ordinal);
        var ids = new List<string>();
        SegmentKeys = new int[leaves.Count][];
        Segments = new StoryOrdinals[leaves.Count];
        for (var l = 0; l < leaves.Count; l++)
        {
            var segment = StoryOrdinals.For(leaves[l].AtomicReader);
            Segments[l] = segment;
            var map = new int[segment.Labels.Length];
            for (var ordinal = 0; ordinal < map.Length; ordinal++)
            {
                var id = segment.Labels[ordinal];
                if (!keys.TryGetValue(id, out var key))
                {
                    key = ids.Count;
                    ids.Add(id);
                    keys.Add(id, key);
                }

                map[ordinal] = key;
            }

            SegmentKeys[l] = map;
        }

        Ids = ids.ToArray();
    }

    /// <summary>Story id of each key.</summary>
    public string[] Ids { get; }

    /// <summary>Per leaf (by its ordinal in the reader): segment story ordinal → key.</summary>
    public int[][] SegmentKeys { get; }

    /// <summary>Per leaf: the segment's decoded story values.</summary>
    public StoryOrdinals[] Segments { get; }

    /// <summary>Per leaf, the decoded source and entity values story summaries read (source, then one per entity kind);
    /// filled on first use.</summary>
    public SegmentOrdinals?[]?[] SummaryValues { get; private set; } = [];

    /// <summary>The source and entity values of a leaf (see <see cref="SummaryValues"/>).</summary>
    public SegmentOrdinals?[] SummaryValuesOf(AtomicReaderContext leaf)
    {
        if (SummaryValues.Length != Segments.Length)
        {
            SummaryValues = new SegmentOrdinals?[]?[Segments.Length];
        }

        return SummaryValues[leaf.Ord] ??=
        [
            SegmentOrdinals.For(leaf.AtomicReader, Mapping.FieldNames.SourceFacet),
            .. Enum.GetValues<Entities.EntityKind>().Select(kind => SegmentOrdinals.For(leaf.AtomicReader, Mapping.FieldNames.Entity(kind))),
        ];
    }

    /// <summary>The keys of <paramref name="reader"/> (cached while the reader lives).</summary>
    public static GlobalStoryKeys For(IndexReader reader) => Cache.GetValue(reader, static r => new GlobalStoryKeys(r));

    /// <summary>Summaries kept per reader at most (about a kilobyte each); past it, summaries are computed every time.</summary>
    internal const int MaxCachedSummaries = 10_000;

    private readonly ConcurrentDictionary<string, CachedStorySummary> _summaries = new(StringComparer.Ordinal);

    /// <summary>The whole-story summary computed earlier on this reader, if any.</summary>
    public bool TryGetSummary(string storyId, [MaybeNullWhen(false)] out CachedStorySummary summary) => _summaries.TryGetValue(storyId, out summary);

    /// <summary>Keeps a whole-story summary for later searches on this reader (a reader never changes, so neither does
    /// the summary: size, first and last seen, sources and top entities over every live article of the story).</summary>
    public void KeepSummary(string storyId, CachedStorySummary summary)
    {
        if (_summaries.Count < MaxCachedSummaries)
        {
            _summaries.TryAdd(storyId, summary);
        }
    }
}

/// <summary>A story's summary over all its articles, as one reader sees them, and its first report.</summary>
/// <param name="Summary">The summary (its <c>Matching</c> and <c>Title</c> are filled per search).</param>
/// <param name="FirstDoc">The reader's document of the story's first report.</param>
internal sealed record CachedStorySummary(Results.StorySummary Summary, int FirstDoc)
{
    /// <summary>The first report's headline, once read (a stored-field read; a benign race may read it twice).</summary>
    public string? FirstTitle { get; set; }
}
