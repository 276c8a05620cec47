namespace NewsIndex.Stories;

/// <summary>Article slots under one key, sorted by (day, slot) so a time window is a binary-searched range.</summary>
internal sealed class PostingList
{
    /// <summary>Day used for undated articles: after every real day.</summary>
    public const int Undated = int.MaxValue;

    private long[] _items = new long[2];

    public int Count { get; private set; }

    public long this[int index] => _items[index];

    /// <summary>The backing array: entries [0, <see cref="Count"/>) are live.</summary>
    public long[] Items => _items;

    public static long Key(int day, int slot) => ((long)day << 32) | (uint)slot;

    public static int SlotOf(long key) => (int)(uint)key;

    public void Add(long key)
    {
        var at = Find(key);
        if (at >= 0)
        {
            return;
        }

        at = ~at;
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        Array.Copy(_items, at, _items, at + 1, Count - at);
        _items[at] = key;
        Count++;
    }

    public bool Remove(long key)
    {
        var at = Find(key);
        if (at < 0)
        {
            return false;
        }

        Array.Copy(_items, at + 1, _items, at, Count - at - 1);
        Count--;
        if (Count > 0 && Count * 4 < _items.Length)
        {
            Array.Resize(ref _items, Math.Max(2, _items.Length / 2));
        }

        return true;
    }

    /// <summary>The index range [start, end) of entries whose day lies in [<paramref name="fromDay"/>, <paramref name="toDay"/>].</summary>
    public (int Start, int End) Range(int fromDay, int toDay)
    {
        var start = Find(Key(fromDay, 0));
        var end = Find(((long)toDay << 32) | uint.MaxValue);
        return (start < 0 ? ~start : start, end < 0 ? ~end : end + 1);
    }

    /// <summary>Index of <paramref name="key"/>, or the complement of where it would go (as <see cref="Array.BinarySearch(Array, object)"/>).</summary>
    private int Find(long key)
    {
        // Articles mostly arrive in time order, so most keys go at the end: check there first.
        var items = _items;
        var high = Count - 1;
        if (high < 0 || items[high] < key)
        {
            return ~Count;
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
