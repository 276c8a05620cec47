namespace NewsIndex.Entities;

/// <summary>Facts about a token that alias matching and disambiguation need.</summary>
[Flags]
internal enum TokenFlags : byte
{
    None = 0,
    Capitalized = 1,
    AllUpper = 2,
    Numeric = 4,
    SentenceStart = 8,
    Possessive = 16,
    AfterComma = 32,

    /// <summary>A capital after the first letter, in a word not all upper case ("LeT", "FAMa", "McCain").</summary>
    InnerUpper = 64,
}

/// <summary>A word of the source text: its span and its vocabulary symbol (or -1 when no alias uses it).</summary>
internal struct Token
{
    public int Start;
    public int End;
    public int Symbol;
    public TokenFlags Flags;

    public readonly bool Has(TokenFlags flag) => (Flags & flag) != 0;
}
