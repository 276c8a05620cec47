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
    private int[] _slots = new int[1024];

    public Vocabulary()
    {
        Array.Fill(_slots, -1);
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

    public int Find(ReadOnlySpan<char> word)
    {
        var mask = _slots.Length - 1;
        var slot = Hash(word) & mask;
        while (true)
        {
            var id = _slots[slot];
            if (id < 0)
            {
                return -1;
            }

            if (word.SequenceEqual(_words[id]))
            {
                return id;
            }

            slot = (slot + 1) & mask;
        }
    }

    private void Insert(string word, int id)
    {
        var mask = _slots.Length - 1;
        var slot = Hash(word) & mask;
        while (_slots[slot] >= 0)
        {
            slot = (slot + 1) & mask;
        }

        _slots[slot] = id;
    }

    /// <summary>FNV-1a: words are short, so a simple multiplicative hash beats the general-purpose randomized one.</summary>
    private static int Hash(ReadOnlySpan<char> word)
    {
        var hash = 2166136261u;
        foreach (var c in word)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash ^ (hash >> 15));
    }

    private void Grow()
    {
        _slots = new int[_slots.Length * 2];
        Array.Fill(_slots, -1);
        for (var i = 0; i < _words.Count; i++)
        {
            Insert(_words[i], i);
        }
    }
}
