namespace NewsIndex.Entities;

/// <summary>What an alias stands for: how a match on it turns into mentions.</summary>
internal enum AliasRole : byte
{
    Name,
    Demonym,
    Metonym,

    /// <summary>A country's military (or police) named by a pattern ("Russian troops", "Military Forces of Mali"):
    /// <see cref="AliasTarget.Entity"/> is the force, or −1 for "Police Forces of X" where the catalog has no single
    /// police force of X (the phrase then names only the country); <see cref="AliasTarget.Extra"/> is the country.</summary>
    NationalForce,
    City,
    NumberedBase,
    NamedBasePattern,
    BaseNoun,
    Region,
    DatelineRegion,

    /// <summary>A force's short name that counts only where the article mentions the force's country or areas.</summary>
    ContextName,

    /// <summary>A service named without its country ("the Navy", "AIR FORCE"); <see cref="AliasTarget.Entity"/> indexes
    /// <see cref="EntityTagger"/>'s bare branch nouns. It is the service of the country the text is about.</summary>
    BareBranch,

    /// <summary>A shadow name (<see cref="Shadow"/>); <see cref="AliasTarget.Entity"/> indexes the catalog's shadows,
    /// <see cref="AliasTarget.Extra"/> the implied country's entity (or -1).</summary>
    Shadow,

    /// <summary>A leader's or official's name (<see cref="Entity.People"/>): the country, where the text does not name it.</summary>
    Person,
}

/// <summary>One meaning of a trie path. <see cref="Entity"/> indexes the tagger's entities (or cities for <see cref="AliasRole.City"/>).</summary>
internal readonly record struct AliasTarget(
    AliasRole Role,
    int Entity,
    int Extra = 0,
    uint CapitalMask = 0,
    uint UpperMask = 0,
    uint InnerUpperMask = 0,
    byte Length = 0,
    byte CountryTokens = 0,
    bool CountryLast = false,
    bool PersonLike = false);

/// <summary>
/// A trie over word symbols: each path is an alias, each accepting node holds the meanings of that alias.
/// Matching walks it once from each token, so all aliases are found in one pass over the text, whatever their number.
/// Two wildcard symbols serve patterns: any number (<c>#num</c>) and any capitalised word (<c>#cap</c>).
/// </summary>
internal sealed class AliasTrie
{
    private readonly Dictionary<long, int> _edges = [];
    private readonly List<AliasTarget[]?> _targets = [null];

    public Vocabulary Vocabulary { get; } = new();

    /// <summary>Symbols of words that belong to entity names (not only to shadow names such as "Saint Michael", nor only to
    /// towns such as "Fort Smith"): the person-name rule treats a capitalised neighbour as a first name unless it is one of these.</summary>
    private readonly HashSet<int> _entityWords = [];

    /// <summary>Whether <paramref name="symbol"/> is a word of some entity's name.</summary>
    public bool IsEntityWord(int symbol) => symbol >= 0 && _entityWords.Contains(symbol);

    /// <summary>Entity words of names of one or two words other than a city's or a person's: "Henderson" (a city, and a word
    /// of "Pitcairn Henderson Ducie and Oeno Islands") and "May" (a leader) are surnames too often to stop the person-name
    /// rule ("Jordan Henderson", "Georgia May Jagger").</summary>
    private readonly HashSet<int> _strongEntityWords = [];

    /// <summary>Whether <paramref name="symbol"/> is a word of some entity's name that is neither a city's nor a person's.</summary>
    public bool IsStrongEntityWord(int symbol) => symbol >= 0 && _strongEntityWords.Contains(symbol);

    /// <summary>Adds <paramref name="words"/> (normal forms with the flags of the alias as written) with a meaning.</summary>
    /// <param name="words">The alias's words.</param>
    /// <param name="target">Its meaning.</param>
    /// <param name="entityWords">Whether its words count as entity words (<see cref="IsEntityWord"/>); shadows never do.</param>
    public void Add(IReadOnlyList<(string Word, TokenFlags Flags)> words, AliasTarget target, bool entityWords = true)
    {
        if (_values is not null)
        {
            throw new InvalidOperationException("the trie is frozen");
        }

        if (words.Count == 0 || words.Count > 31)
        {
            return;
        }

        var node = 0;
        uint capital = 0;
        uint upper = 0;
        uint inner = 0;
        for (var k = 0; k < words.Count; k++)
        {
            var (word, flags) = words[k];
            var symbol = word switch
            {
                "#num" => Vocabulary.Number,
                "#cap" => Vocabulary.CapitalizedWord,
                _ => Vocabulary.Add(word),
            };
            if (entityWords && target.Role != AliasRole.Shadow)
            {
                _entityWords.Add(symbol);
                if (target.Role is not (AliasRole.City or AliasRole.Person) && words.Count <= 2)
                {
                    _strongEntityWords.Add(symbol);
                }
            }

            if (symbol > Vocabulary.CapitalizedWord)
            {
                // Short acronyms (US, BA, SAF) must be upper case in the text; proper names must be capitalised, so
                // the pronoun "us", the bird "turkey" and "chad" in lower case never match. Acronyms of four letters
                // or more are also written as names ("Nato", "Unita"), so they only need the capital.
                if ((flags & TokenFlags.AllUpper) != 0 && word.Length is >= 2 and < 4 && (flags & TokenFlags.Numeric) == 0)
                {
                    upper |= 1u << k;
                }
                else if ((flags & TokenFlags.Capitalized) != 0)
                {
                    capital |= 1u << k;
                }

                // Mixed-case acronyms ("LeT", "JeM", "FAMa") keep their inner capital in the text: "Let us go" is no
                // Lashkar-e-Taiba.
                if ((flags & TokenFlags.InnerUpper) != 0)
                {
                    inner |= 1u << k;
                }
            }

            var key = ((long)node << 32) | (uint)symbol;
            if (!_edges.TryGetValue(key, out var next))
            {
                next = _targets.Count;
                _targets.Add(null);
                _edges.Add(key, next);
            }

            node = next;
        }

        var full = target with { CapitalMask = capital, UpperMask = upper, InnerUpperMask = inner, Length = (byte)words.Count };
        var existing = _targets[node];
        if (existing is not null && Array.IndexOf(existing, full) >= 0)
        {
            return;
        }

        _targets[node] = existing is null ? [full] : [.. existing, full];
    }

    // After Freeze: the edges as an open-addressing table (linear probing, multiplicative hashing), which costs a few
    // nanoseconds a step against a Dictionary's twenty; tagging steps the trie at every token.
    private long[]? _keys;
    private int[]? _values;
    private int _shift;

    /// <summary>Turns the edges into a flat lookup table; the trie is read-only afterwards.</summary>
    public void Freeze()
    {
        var capacity = 1 << Math.Max(4, (int)Math.Ceiling(Math.Log2(Math.Max(1, _edges.Count) * 2.0)));
        var keys = new long[capacity];
        var values = new int[capacity];
        Array.Fill(values, -1);
        _shift = 64 - (int)Math.Log2(capacity);
        foreach (var (key, value) in _edges)
        {
            var slot = Slot(key);
            while (values[slot] >= 0)
            {
                slot = (slot + 1) & (capacity - 1);
            }

            keys[slot] = key;
            values[slot] = value;
        }

        _keys = keys;
        _values = values;

        // Every token steps from the root: a direct table for that first step (−1: no edge).
        var root = new int[Vocabulary.Count];
        Array.Fill(root, -1);
        foreach (var (key, value) in _edges)
        {
            if (key >> 32 == 0)
            {
                root[(int)(uint)key] = value;
            }
        }

        _root = root;
    }

    private int[]? _root;

    public bool TryStep(int node, int symbol, out int next)
    {
        if (node == 0 && _root is { } root && (uint)symbol < (uint)root.Length)
        {
            next = root[symbol];
            return next >= 0;
        }

        var key = ((long)node << 32) | (uint)symbol;
        if (_values is not { } values || _keys is not { } keys)
        {
            return _edges.TryGetValue(key, out next);
        }

        var mask = values.Length - 1;
        for (var slot = Slot(key); ; slot = (slot + 1) & mask)
        {
            var value = values[slot];
            if (value < 0)
            {
                next = 0;
                return false;
            }

            if (keys[slot] == key)
            {
                next = value;
                return true;
            }
        }
    }

    private int Slot(long key) => (int)((ulong)key * 0x9E3779B97F4A7C15UL >> _shift);

    public AliasTarget[]? TargetsAt(int node) => _targets[node];
}
