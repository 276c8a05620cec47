namespace NewsIndex.Querying;

/// <summary>Bounds on what a query may cost, checked while parsing and compiling. Hostile input is refused with a
/// <see cref="QuerySyntaxException"/> that names the limit, never by running out of time or stack.</summary>
public sealed record QueryLimits
{
    /// <summary>The defaults described on each property.</summary>
    public static QueryLimits Default { get; } = new();

    /// <summary>Longest accepted query string, in characters. Default 2,000.</summary>
    public int MaxLength { get; init; } = 2000;

    /// <summary>Deepest nesting of parentheses and negations. Default 32.</summary>
    public int MaxDepth { get; init; } = 32;

    /// <summary>Most clauses (words, phrases, filters) in one query. Default 128.</summary>
    public int MaxClauses { get; init; } = 128;

    /// <summary>Most analysed terms in one query, counted after analysis (a run of CJK characters is one term per
    /// character). Default 256.</summary>
    public int MaxTerms { get; init; } = 256;

    /// <summary>Shortest prefix before a trailing <c>*</c>. Default 2.</summary>
    public int MinPrefixLength { get; init; } = 2;

    /// <summary>Largest number of terms a prefix or fuzzy clause may expand to. Default 256.</summary>
    public int MaxExpansions { get; init; } = 256;
}
