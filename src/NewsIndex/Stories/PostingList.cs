namespace NewsIndex.Stories;

/// <summary>Article slots under one key, sorted by (day, slot) so a time window is a binary-searched range.</summary>
/// <remarks>
/// A list of up to <see cref="BlockSize"/> keys is one sorted array (most words have a handful). A longer list is kept
/// as sorted blocks of at most <see cref="BlockSize"/> keys with an array of their first keys. Keys that arrive in
/// order (news mostly arrives in time order) are appended; a key that arrives out of order (a backfill, an archive read
/// in another order, re-indexed copies) is inserted into its block, which splits when full. Every add, remove and
/// window lookup is O(log n + <see cref="BlockSize"/>) whatever the arrival order: one sorted array (with a merged
/// tail) made an out-of-order corpus quadratic, or O(√n) per key, in the size of common words' lists.
/// </remarks>
internal sealed class PostingList
{
    /// <summary>Day used for undated articles: after every real day.</summary>
    public const int Undated = int.MaxValue;

    /// <summary>Most keys in one block.</summary>
    internal const int BlockSize = 128;

    private long[] _items = [];          // the keys while the list is one block (none yet: a word counted but not posted)
    private Blocks? _blocks;             // the keys once the list outgrows one block

    /// <summary>Entries in the list.</summary>
    public int Count { get; private set; }

    /// <summary>
    /// Live articles that have the list's word, whether or not they posted a key (see
    /// <see cref="StoryOptions.PostedWords"/>): the word's document frequency. Kept by the owner.
    /// </summary>
    public int Documents { get; set; }

    /// <summary>The key of an article on a day.</summary>
    public static long Key(int day, int slot) => ((long)day << 32) | (uint)slot;

    /// <summary>The slot of a key.</summary>
    public static int SlotOf(long key) => (int)(uint)key;

    /// <summary>Adds a key (no effect when present).</summary>
    public void Add(long key)
    {
        if (_blocks is { } blocks)
        {
            if (blocks.Add(key))
            {
                Count++;
            }

            return;
        }

        var count = Count;
        var at = count == 0 || _items[count - 1] < key ? count : Array.BinarySearch(_items, 0, count, key);
        if (at < 0)
        {
            at = ~at;
        }
        else if (at < count)
        {
            return; // present
        }

        if (count == BlockSize)
        {
            _blocks = new Blocks(_items, count);
            _items = [];
            _blocks.Add(key);
            Count++;
            return;
        }

        if (count == _items.Length)
        {
            Array.Resize(ref _items, Math.Min(BlockSize, Math.Max(2, count * 2)));
        }

        Array.Copy(_items, at, _items, at + 1, count - at);
        _items[at] = key;
        Count++;
    }

    /// <summary>Removes a key; false when absent.</summary>
    public bool Remove(long key)
    {
        if (_blocks is { } blocks)
        {
            if (!blocks.Remove(key))
            {
                return false;
            }

            Count--;
            return true;
        }

        var count = Count;
        var at = Array.BinarySearch(_items, 0, count, key);
        if (at < 0)
        {
            return false;
        }

        Array.Copy(_items, at + 1, _items, at, count - at - 1);
        Count--;
        if (count > 4 && (count - 1) * 4 < _items.Length)
        {
            Array.Resize(ref _items, _items.Length / 2);
        }

        return true;
    }

    /// <summary>Number of keys from <paramref name="fromDay"/> to <paramref name="toDay"/> (inclusive).</summary>
    public int CountIn(int fromDay, int toDay) => Read(fromDay, toDay).Remaining;

    /// <summary>The keys from <paramref name="fromDay"/> to <paramref name="toDay"/> (inclusive), in key order.</summary>
    public Window Read(int fromDay, int toDay)
    {
        var from = Key(fromDay, 0);
        if (_blocks is { } blocks)
        {
            return blocks.Read(from, toDay == int.MaxValue ? long.MaxValue : Key(toDay + 1, 0));
        }

        var start = Start(_items, Count, from);
        var end = toDay == int.MaxValue ? Count : Start(_items, Count, Key(toDay + 1, 0));
        return new Window(_items, start, end, null, null, 0, end - start);
    }

    private static int Start(long[] items, int count, long key)
    {
        var at = Array.BinarySearch(items, 0, count, key);
        return at < 0 ? ~at : at;
    }

    /// <summary>The keys of a day range, in key order.</summary>
    public ref struct Window
    {
        private readonly long[][]? _blocks;
        private readonly int[]? _sizes;
        private long[] _current;
        private int _at;
        private int _end;
        private int _block;

        internal Window(long[] current, int at, int end, long[][]? blocks, int[]? sizes, int block, int remaining)
        {
            (_current, _at, _end, _blocks, _sizes, _block, Remaining) = (current, at, end, blocks, sizes, block, remaining);
        }

        /// <summary>Keys left in the window.</summary>
        public int Remaining { get; private set; }

        /// <summary>The next key in order; false when the window is exhausted.</summary>
        public bool Next(out long key)
        {
            if (Remaining == 0)
            {
                key = 0;
                return false;
            }

            while (_at >= _end)
            {
                _block++;
                _current = _blocks![_block];
                _at = 0;
                _end = _sizes![_block];
            }

            key = _current[_at++];
            Remaining--;
            return true;
        }
    }

    /// <summary>The keys of a long list: sorted blocks, each holding up to <see cref="BlockSize"/> keys.</summary>
    private sealed class Blocks
    {
        private long[][] _arrays;
        private int[] _sizes;
        private long[] _firsts; // each block's first key, so finding a block searches one contiguous array
        private int _count;

        public Blocks(long[] first, int size)
        {
            _arrays = new long[8][];
            _sizes = new int[8];
            _firsts = new long[8];
            if (first.Length < BlockSize)
            {
                Array.Resize(ref first, BlockSize);
            }

            (_arrays[0], _sizes[0], _firsts[0], _count) = (first, size, first[0], 1);
        }

        /// <summary>Adds a key; false when it was present.</summary>
        public bool Add(long key)
        {
            var b = _count - 1;
            var size = _sizes[b];
            if (size == 0 || _arrays[b][size - 1] < key)
            {
                // In order: append to the last block, or start a new one.
                if (size == BlockSize)
                {
                    InsertBlock(b + 1, new long[BlockSize], 0, key);
                    b++;
                    size = 0;
                }

                _arrays[b][size] = key;
                _sizes[b] = size + 1;
                return true;
            }

            b = BlockOf(key);
            var block = _arrays[b];
            size = _sizes[b];
            var at = Array.BinarySearch(block, 0, size, key);
            if (at >= 0)
            {
                return false;
            }

            at = ~at;
            if (size == BlockSize)
            {
                // Split the full block in two halves and insert into the half the key belongs to.
                const int half = BlockSize / 2;
                var upper = new long[BlockSize];
                Array.Copy(block, half, upper, 0, BlockSize - half);
                _sizes[b] = half;
                InsertBlock(b + 1, upper, BlockSize - half, upper[0]);
                if (at > half)
                {
                    (b, block, at) = (b + 1, upper, at - half);
                }

                size = _sizes[b];
            }

            Array.Copy(block, at, block, at + 1, size - at);
            block[at] = key;
            _sizes[b] = size + 1;
            if (at == 0)
            {
                _firsts[b] = key;
            }

            return true;
        }

        /// <summary>Removes a key; false when absent.</summary>
        public bool Remove(long key)
        {
            var b = BlockOf(key);
            var block = _arrays[b];
            var size = _sizes[b];
            var at = Array.BinarySearch(block, 0, size, key);
            if (at < 0)
            {
                return false;
            }

            Array.Copy(block, at + 1, block, at, size - at - 1);
            _sizes[b] = size - 1;
            if (size > 1)
            {
                _firsts[b] = block[0];
            }
            else if (_count > 1)
            {
                // The block is empty: drop it (a list keeps at least one block).
                Array.Copy(_arrays, b + 1, _arrays, b, _count - b - 1);
                Array.Copy(_sizes, b + 1, _sizes, b, _count - b - 1);
                Array.Copy(_firsts, b + 1, _firsts, b, _count - b - 1);
                _count--;
                _arrays[_count] = null!;
            }

            return true;
        }

        /// <summary>The keys from <paramref name="from"/> up to (excluding) <paramref name="to"/>; <see cref="long.MaxValue"/> reads to the end.</summary>
        public Window Read(long from, long to)
        {
            var (startBlock, startAt) = Position(from);
            var (endBlock, endAt) = to == long.MaxValue ? (_count - 1, _sizes[_count - 1]) : Position(to);
            var remaining = endAt - startAt;
            for (var b = startBlock; b < endBlock; b++)
            {
                remaining += _sizes[b];
            }

            return new Window(_arrays[startBlock], startAt, _sizes[startBlock], _arrays, _sizes, startBlock, remaining);
        }

        /// <summary>The block and index within it of the first key ≥ <paramref name="key"/>.</summary>
        private (int Block, int At) Position(long key)
        {
            var b = BlockOf(key);
            var at = Array.BinarySearch(_arrays[b], 0, _sizes[b], key);
            return (b, at < 0 ? ~at : at);
        }

        /// <summary>The last block whose first key is ≤ <paramref name="key"/> (the first block when none is).</summary>
        private int BlockOf(long key)
        {
            var firsts = _firsts;
            int low = 1, high = _count - 1, found = 0;
            while (low <= high)
            {
                var mid = (int)((uint)(low + high) >> 1);
                if (firsts[mid] <= key)
                {
                    found = mid;
                    low = mid + 1;
                }
                else
                {
                    high = mid - 1;
                }
            }

            return found;
        }

        private void InsertBlock(int at, long[] block, int size, long first)
        {
            if (_count == _arrays.Length)
            {
                Array.Resize(ref _arrays, _count * 2);
                Array.Resize(ref _sizes, _count * 2);
                Array.Resize(ref _firsts, _count * 2);
            }

            Array.Copy(_arrays, at, _arrays, at + 1, _count - at);
            Array.Copy(_sizes, at, _sizes, at + 1, _count - at);
            Array.Copy(_firsts, at, _firsts, at + 1, _count - at);
            (_arrays[at], _sizes[at], _firsts[at]) = (block, size, first);
            _count++;
        }
    }
}
