namespace NewsIndex.Entities;

/// <summary>
/// Interns the normalised words used by aliases. Lookups take a span, so tagging allocates nothing per token.
/// Open addressing over a power-of-two table; built once, then read-only (and thus thread-safe).
/// </summary>
internal sealed class Vocabulary
{
    public const int Number = 0;
    public const int CapitalizedWord = 1;

    private readonly List<string> _words = [];
    // Each slot: the FNV-1a hash of its word in the high half, its id + 1 in the low half (0 = empty). One array, so a
    // lookup touches one cache line before it compares text; most misses end without comparing text.
    private ulong[] _slots = new ulong[1024];

    public Vocabulary()
    {
        Add("\u0001num");
        Add("\u0001cap");
    }

    public int Count => _words.Count;

    public int Add(string word)
    {
        var existing = Find(word);
        if (existing >= 0)
        {
            return existing;
        }

        if ((_words.Count + 1) * 2 > _slots.Length)
        {
            Grow();
        }

        _words.Add(word);
        Insert(word, _words.Count - 1);
        return _words.Count - 1;
    }

    /// <summary>FNV-1a offset basis: the hash of an empty word.</summary>
    public const uint FnvOffset = 2166136261u;

    /// <summary>FNV-1a prime: <c>hash = (hash ^ c) * FnvPrime</c> per character.</summary>
    public const uint FnvPrime = 16777619u;

    public int Find(ReadOnlySpan<char> word) => Find(word, Fnv(word));

    /// <summary>Finds a word whose FNV-1a hash (<see cref="FnvOffset"/>, <see cref="FnvPrime"/>) the caller computed while writing it.</summary>
    public int Find(ReadOnlySpan<char> word, uint fnv)
    {
        var slots = _slots;
        var mask = slots.Length - 1;
        var slot = Mix(fnv) & mask;
        while (true)
        {
            var entry = slots[slot];
            if (entry == 0)
            {
                return -1;
            }

            if ((uint)(entry >> 32) == fnv && word.SequenceEqual(_words[(int)(uint)entry - 1]))
            {
                return (int)(uint)entry - 1;
            }

            slot = (slot + 1) & mask;
        }
    }

    private void Insert(string word, int id)
    {
        var mask = _slots.Length - 1;
        var fnv = Fnv(word);
        var slot = Mix(fnv) & mask;
        while (_slots[slot] != 0)
        {
            slot = (slot + 1) & mask;
        }

        _slots[slot] = ((ulong)fnv << 32) | (uint)(id + 1);
    }

    /// <summary>FNV-1a: words are short, so a simple multiplicative hash beats the general-purpose randomized one.</summary>
    private static uint Fnv(ReadOnlySpan<char> word)
    {
        var hash = FnvOffset;
        foreach (var c in word)
        {
            hash = (hash ^ c) * FnvPrime;
        }

        return hash;
    }

    private static int Mix(uint hash) => (int)(hash ^ (hash >> 15));

    private void Grow()
    {
        _slots = new ulong[_slots.Length * 2];
        for (var i = 0; i < _words.Count; i++)
        {
            Insert(_words[i], i);
        }
    }
}
