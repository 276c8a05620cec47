namespace NewsIndex.Stories;

/// <summary>Article slots under one key, sorted by (day, slot) so a time window is a binary-searched range.</summary>
/// <remarks>
/// Keys that arrive in order (news mostly arrives in time order) are appended. Keys that arrive out of order (a
/// backfill, an archive read in another order, re-indexed copies) wait in a small unsorted tail that is sorted and
/// merged in once it holds an eighth of the list, or before the list is read: inserting each one in place would shift
/// the whole list every time, which made indexing an out-of-order corpus quadratic in the size of common words' lists.
/// </remarks>
internal sealed class PostingList
{
    /// <summary>Day used for undated articles: after every real day.</summary>
    public const int Undated = int.MaxValue;

    private const int MinTail = 16;

    private long[] _items = new long[2];
    private int _sorted;
    private long[]? _tail;
    private int _tailCount;

    /// <summary>Entries in the list.</summary>
    public int Count => _sorted + _tailCount;

    /// <summary>The sorted entries (only the first <see cref="Count"/> are valid).</summary>
    public long[] Items
    {
        get
        {
            Merge();
            return _items;
        }
    }

    /// <summary>The key of an article on a day.</summary>
    public static long Key(int day, int slot) => ((long)day << 32) | (uint)slot;

    /// <summary>The slot of a key.</summary>
    public static int SlotOf(long key) => (int)(uint)key;

    /// <summary>Adds a key (no effect when present).</summary>
    public void Add(long key)
    {
        if (_tailCount == 0 && (_sorted == 0 || _items[_sorted - 1] < key))
        {
            if (_sorted == _items.Length)
            {
                Array.Resize(ref _items, _items.Length * 2);
            }

            _items[_sorted++] = key;
            return;
        }

        _tail ??= new long[MinTail];
        if (_tailCount == _tail.Length)
        {
            Array.Resize(ref _tail, _tail.Length * 2);
        }

        _tail[_tailCount++] = key;
        if (_tailCount >= Math.Max(MinTail, _sorted / 8))
        {
            Merge();
        }
    }

    /// <summary>Removes a key; false when absent.</summary>
    public bool Remove(long key)
    {
        Merge();
        var at = Find(key);
        if (at < 0)
        {
            return false;
        }

        Array.Copy(_items, at + 1, _items, at, _sorted - at - 1);
        _sorted--;
        if (_sorted > 0 && _sorted * 4 < _items.Length)
        {
            Array.Resize(ref _items, Math.Max(2, _items.Length / 2));
        }

        return true;
    }

    /// <summary>The index range of the keys from <paramref name="fromDay"/> to <paramref name="toDay"/> (inclusive) in <see cref="Items"/>.</summary>
    public (int Start, int End) Range(int fromDay, int toDay)
    {
        Merge();
        var start = Find(Key(fromDay, 0));
        var end = Find(((long)toDay << 32) | uint.MaxValue);
        return (start < 0 ? ~start : start, end < 0 ? ~end : end + 1);
    }

    /// <summary>Sorts the tail and merges it into the sorted entries (dropping duplicates), back to front in place.</summary>
    private void Merge()
    {
        if (_tailCount == 0)
        {
            return;
        }

        var tail = _tail!;
        Array.Sort(tail, 0, _tailCount);
        var total = _sorted + _tailCount;
        if (total > _items.Length)
        {
            Array.Resize(ref _items, Math.Max(total, _items.Length * 2));
        }

        int i = _sorted - 1, j = _tailCount - 1, k = total - 1;
        while (j >= 0)
        {
            if (i >= 0 && _items[i] > tail[j])
            {
                _items[k--] = _items[i--];
            }
            else
            {
                _items[k--] = tail[j--];
            }
        }

        _tailCount = 0;
        if (_tail!.Length > MinTail * 64)
        {
            _tail = null; // a one-off burst: do not keep its buffer
        }

        // Drop duplicates (a key added twice), compacting in place.
        var write = 0;
        for (var read = 0; read < total; read++)
        {
            if (write == 0 || _items[write - 1] != _items[read])
            {
                _items[write++] = _items[read];
            }
        }

        _sorted = write;
    }

    private int Find(long key)
    {
        // Articles mostly arrive in time order, so most keys go at the end: check there first.
        var items = _items;
        var high = _sorted - 1;
        if (high < 0 || items[high] < key)
        {
            return ~_sorted;
        }

        var low = 0;
        while (low <= high)
        {
            var mid = (int)((uint)(low + high) >> 1);
            var value = items[mid];
            if (value == key)
            {
                return mid;
            }

            if (value < key)
            {
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }

        return ~low;
    }
}
