using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NewsIndex.Stories;

/// <summary>
/// The posting lists of MinHash band keys. A band key is almost always one article's alone (only near-duplicates
/// share it), so its first posting is kept inline in the table; a <see cref="PostingList"/> is made only when a second
/// article shares the key. Sixteen band keys an article would otherwise be 32 small objects an article (a list and its
/// array each): about 1.1 KB of the assigner's memory per live article, and most of the objects the garbage collector
/// had to trace in it. One table, so a lookup is one probe whether the key is shared, alone or new.
/// </summary>
internal sealed class BandPostings
{
    private readonly Dictionary<uint, Band> _bands = [];

    /// <summary>Band keys with at least one posting.</summary>
    public int Count => _bands.Count;

    /// <summary>Adds a posting (no effect when present).</summary>
    public void Add(uint bandKey, long key)
    {
        ref var band = ref CollectionsMarshal.GetValueRefOrAddDefault(_bands, bandKey, out var exists);
        if (!exists)
        {
            band = new Band(key, null);
        }
        else if (band.Shared is { } list)
        {
            list.Add(key);
        }
        else if (band.Single != key)
        {
            list = new PostingList();
            list.Add(band.Single);
            list.Add(key);
            band = new Band(0, list);
        }
    }

    /// <summary>Removes a posting (no effect when absent).</summary>
    public void Remove(uint bandKey, long key)
    {
        ref var band = ref CollectionsMarshal.GetValueRefOrNullRef(_bands, bandKey);
        if (Unsafe.IsNullRef(ref band))
        {
            return;
        }

        if (band.Shared is { } list ? list.Remove(key) && list.Count == 0 : band.Single == key)
        {
            _bands.Remove(bandKey);
        }
    }

    /// <summary>The band's posting list when articles share it; otherwise null, with its one posting in
    /// <paramref name="single"/> (<paramref name="hasSingle"/> false when the key has no posting).</summary>
    public PostingList? Find(uint bandKey, out long single, out bool hasSingle)
    {
        if (!_bands.TryGetValue(bandKey, out var band))
        {
            (single, hasSingle) = (0, false);
            return null;
        }

        (single, hasSingle) = (band.Single, band.Shared is null);
        return band.Shared;
    }

    /// <summary>A band key's postings: one inline, or a list once shared.</summary>
    private readonly record struct Band(long Single, PostingList? Shared);
}
