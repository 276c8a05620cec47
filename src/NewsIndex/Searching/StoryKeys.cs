using Lucene.Net.Index;

namespace NewsIndex.Searching;

/// <summary>
/// Numbers the stories met during one search across segments (segment ordinals differ per segment): a story id gets
/// one dense key; a document without a story gets a key of its own, so it counts as a story by itself.
/// </summary>
internal sealed class StoryKeys
{
    private readonly Dictionary<string, int> _keys = new(StringComparer.Ordinal);
    private readonly List<string?> _ids = [];
    private StoryOrdinals _segment = null!;
    private int[] _segmentKeys = [];

    /// <summary>Number of keys handed out.</summary>
    public int Count => _ids.Count;

    /// <summary>The story id of a key, or null for a document without a story.</summary>
    public string? IdOf(int key) => _ids[key];

    /// <summary>Moves to the next segment.</summary>
    public void SetNextReader(AtomicReader reader)
    {
        _segment = StoryOrdinals.For(reader);
        _segmentKeys = new int[_segment.Labels.Length];
        Array.Fill(_segmentKeys, -1);
    }

    /// <summary>The key of a document of the current segment.</summary>
    public int KeyOf(int doc)
    {
        var ordinal = _segment.Ordinals[doc];
        if (ordinal < 0)
        {
            _ids.Add(null);
            return _ids.Count - 1;
        }

        var key = _segmentKeys[ordinal];
        if (key >= 0)
        {
            return key;
        }

        var id = _segment.Labels[ordinal];
        if (!_keys.TryGetValue(id, out key))
        {
            key = _ids.Count;
            _ids.Add(id);
            _keys.Add(id, key);
        }

        _segmentKeys[ordinal] = key;
        return key;
    }
}
