using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;

namespace NewsIndex.Searching;

/// <summary>
/// Story numbers across the segments of one top-level reader (segment ordinals differ per segment), shared by every
/// search on it. The numbers come from a registry per index directory that outlives readers: a near-real-time refresh
/// makes a new reader, but its segments are mostly the previous reader's, whose numbering is kept per segment, so only
/// new segments' story ids are looked up.
/// </summary>
internal sealed class GlobalStoryKeys
{
    private static readonly ConditionalWeakTable<IndexReader, GlobalStoryKeys> Cache = [];
    private static readonly ConditionalWeakTable<object, StoryRegistry> Registries = [];

    private GlobalStoryKeys(IndexReader reader)
    {
        var leaves = reader.Leaves;
        SegmentKeys = new int[leaves.Count][];
        Segments = new StoryOrdinals[leaves.Count];
        var labels = 0;
        for (var l = 0; l < leaves.Count; l++)
        {
            Segments[l] = StoryOrdinals.For(leaves[l].AtomicReader);
            labels += Segments[l].Labels.Length;
        }

        var registry = RegistryFor(reader, labels);
        for (var l = 0; l < leaves.Count; l++)
        {
            SegmentKeys[l] = registry.KeysOf(leaves[l].AtomicReader.CoreCacheKey, Segments[l]);
        }

        // Taken after every segment is numbered, so every key of this reader is below its length.
        Ids = registry.Snapshot();
    }

    /// <summary>The registry of the reader's index; a new one when the old one holds far more ids than the index has
    /// stories (ids of merged-away or deleted stories are never removed, so it is renewed instead).</summary>
    private static StoryRegistry RegistryFor(IndexReader reader, int labels)
    {
        if (reader is not DirectoryReader { Directory: { } directory })
        {
            return new StoryRegistry();
        }

        var registry = Registries.GetValue(directory, static _ => new StoryRegistry());
        if (registry.Count > (2 * labels) + 1024)
        {
            registry = new StoryRegistry();
            Registries.AddOrUpdate(directory, registry);
        }

        return registry;
    }

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

/// <summary>Story id → number for one index, append-only, with each segment's ordinal → number map kept per segment core.</summary>
internal sealed class StoryRegistry
{
    private readonly object _gate = new();
    private readonly Dictionary<string, int> _keys = new(StringComparer.Ordinal);
    private readonly List<string> _ids = [];
    private readonly ConditionalWeakTable<object, int[]> _segments = [];

    /// <summary>Ids numbered so far.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _ids.Count;
            }
        }
    }

    /// <summary>The numbers of a segment's story ordinals (computed once per segment core).</summary>
    public int[] KeysOf(object core, StoryOrdinals segment) => _segments.GetValue(core, _ =>
    {
        var map = new int[segment.Labels.Length];
        lock (_gate)
        {
            for (var ordinal = 0; ordinal < map.Length; ordinal++)
            {
                var id = segment.Labels[ordinal];
                if (!_keys.TryGetValue(id, out var key))
                {
                    key = _ids.Count;
                    _ids.Add(id);
                    _keys.Add(id, key);
                }

                map[ordinal] = key;
            }
        }

        return map;
    });

    /// <summary>Every id numbered so far, by number.</summary>
    public string[] Snapshot()
    {
        lock (_gate)
        {
            return [.. _ids];
        }
    }
}
