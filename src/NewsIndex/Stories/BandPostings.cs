using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NewsIndex.Stories;

/// <summary>
/// The posting lists of MinHash band keys. A band key is almost always one article's alone (only near-duplicates
/// share it), so its first posting is kept inline in the table; a <see cref="PostingList"/> is made only when a second
/// article shares the key. Sixteen band keys an article would otherwise be 32 small objects an article (a list and its
/// array each): about 1.1 KB of the assigner's memory per live article, and most of the objects the garbage collector
/// had to trace in it. One table, so a lookup is one probe whether the key is shared, alone or new.
/// <para>The table holds no object references (a shared list is an index into a side list): sixteen random writes an
/// article into a table of millions of entries would otherwise dirty every card of it, and each gen-0 collection would
/// scan the whole table for references to young objects.</para>
/// </summary>
internal sealed class BandPostings
{
    private readonly Dictionary<uint, Band> _bands = [];
    private readonly List<PostingList?> _shared = [];
    private readonly Stack<int> _freeShared = new();

    /// <summary>Band keys with at least one posting.</summary>
    public int Count => _bands.Count;

    /// <summary>Band keys that articles share (each has a <see cref="PostingList"/>).</summary>
    public int SharedCount => _shared.Count - _freeShared.Count;

    /// <summary>Adds a posting (no effect when present).</summary>
    public void Add(uint bandKey, long key)
    {
        ref var band = ref CollectionsMarshal.GetValueRefOrAddDefault(_bands, bandKey, out var exists);
        if (!exists)
        {
            band = new Band(key, Band.NotShared);
        }
        else if (band.Shared != Band.NotShared)
        {
            _shared[band.Shared]!.Add(key);
        }
        else if (band.Single != key)
        {
            var list = new PostingList();
            list.Add(band.Single);
            list.Add(key);
            band = new Band(0, Share(list));
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

        if (band.Shared == Band.NotShared)
        {
            if (band.Single == key)
            {
                _bands.Remove(bandKey);
            }

            return;
        }

        var shared = band.Shared;
        var list = _shared[shared]!;
        if (list.Remove(key) && list.Count == 0)
        {
            _shared[shared] = null;
            _freeShared.Push(shared);
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

        if (band.Shared != Band.NotShared)
        {
            (single, hasSingle) = (0, false);
            return _shared[band.Shared];
        }

        (single, hasSingle) = (band.Single, true);
        return null;
    }

    private int Share(PostingList list)
    {
        if (_freeShared.TryPop(out var at))
        {
            _shared[at] = list;
            return at;
        }

        _shared.Add(list);
        return _shared.Count - 1;
    }

    /// <summary>A band key's postings: one inline, or the index of its list among the shared ones.</summary>
    private readonly record struct Band(long Single, int Shared)
    {
        public const int NotShared = -1;
    }
}
