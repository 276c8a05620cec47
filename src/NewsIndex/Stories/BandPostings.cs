using System.Runtime.InteropServices;

namespace NewsIndex.Stories;

/// <summary>
/// The posting lists of MinHash band keys. A band key is almost always one article's alone (only near-duplicates
/// share it), so its first posting is kept inline in a table of keys; a <see cref="PostingList"/> is made only when a
/// second article shares the key. Sixteen band keys an article would otherwise be 32 small objects an article (a list
/// and its array each), about 1.3 KB of the assigner's memory per live article and most of what the garbage collector
/// had to trace in it.
/// </summary>
internal sealed class BandPostings
{
    private readonly Dictionary<uint, long> _single = [];
    private readonly Dictionary<uint, PostingList> _shared = [];

    /// <summary>Band keys with at least one posting.</summary>
    public int Count => _single.Count + _shared.Count;

    /// <summary>Adds a posting (no effect when present).</summary>
    public void Add(uint band, long key)
    {
        if (_shared.TryGetValue(band, out var list))
        {
            list.Add(key);
            return;
        }

        ref var single = ref CollectionsMarshal.GetValueRefOrAddDefault(_single, band, out var exists);
        if (!exists)
        {
            single = key;
            return;
        }

        if (single == key)
        {
            return;
        }

        list = new PostingList();
        list.Add(single);
        list.Add(key);
        _single.Remove(band);
        _shared.Add(band, list);
    }

    /// <summary>Removes a posting (no effect when absent).</summary>
    public void Remove(uint band, long key)
    {
        if (_shared.TryGetValue(band, out var list))
        {
            if (list.Remove(key) && list.Count == 0)
            {
                _shared.Remove(band);
            }
        }
        else if (_single.TryGetValue(band, out var single) && single == key)
        {
            _single.Remove(band);
        }
    }

    /// <summary>The band's posting list when articles share it; otherwise null, with its one posting in <paramref name="single"/> (false when it has none).</summary>
    public PostingList? Find(uint band, out long single, out bool hasSingle)
    {
        if (_shared.TryGetValue(band, out var list))
        {
            (single, hasSingle) = (0, false);
            return list;
        }

        hasSingle = _single.TryGetValue(band, out single);
        return null;
    }
}
