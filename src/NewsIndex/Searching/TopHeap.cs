namespace NewsIndex.Searching;

/// <summary>An order of hits: <see cref="Before"/> is true when its first argument comes first.</summary>
/// <typeparam name="T">The hit entry.</typeparam>
internal interface IHitOrder<T>
{
    /// <summary>True when <paramref name="a"/> comes before <paramref name="b"/>.</summary>
    static abstract bool Before(in T a, in T b);
}

/// <summary>
/// The first <c>size</c> entries of a search in <typeparamref name="TOrder"/>'s order: a min-heap whose root is the last
/// entry kept, the first to be replaced (as Lucene's priority queues). The order is a type argument, so the comparisons
/// are direct calls the JIT can inline on the collectors' per-hit path.
/// </summary>
internal sealed class TopHeap<T, TOrder>(int size)
    where T : struct
    where TOrder : struct, IHitOrder<T>
{
    private readonly T[] _heap = new T[size];

    /// <summary>Entries kept.</summary>
    public int Count { get; private set; }

    /// <summary>True when the heap holds <c>size</c> entries.</summary>
    public bool IsFull => Count == _heap.Length;

    /// <summary>The last entry kept (valid when <see cref="Count"/> &gt; 0).</summary>
    public ref readonly T Last => ref _heap[0];

    /// <summary>Adds an entry to a heap that is not full.</summary>
    public void Add(in T entry)
    {
        _heap[Count] = entry;
        SiftUp(Count++);
    }

    /// <summary>Replaces the last entry kept by one that comes before it.</summary>
    public void ReplaceLast(in T entry)
    {
        _heap[0] = entry;
        SiftDown(0);
    }

    /// <summary>The entries kept, first first.</summary>
    public T[] Sorted()
    {
        var entries = _heap.AsSpan(0, Count).ToArray();
        Array.Sort(entries, static (a, b) => TOrder.Before(a, b) ? -1 : TOrder.Before(b, a) ? 1 : 0);
        return entries;
    }

    private void SiftUp(int i)
    {
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (!TOrder.Before(_heap[parent], _heap[i]))
            {
                return;
            }

            (_heap[parent], _heap[i]) = (_heap[i], _heap[parent]);
            i = parent;
        }
    }

    private void SiftDown(int i)
    {
        while (true)
        {
            var left = (2 * i) + 1;
            if (left >= Count)
            {
                return;
            }

            var later = left + 1 < Count && TOrder.Before(_heap[left], _heap[left + 1]) ? left + 1 : left;
            if (!TOrder.Before(_heap[i], _heap[later]))
            {
                return;
            }

            (_heap[i], _heap[later]) = (_heap[later], _heap[i]);
            i = later;
        }
    }
}
