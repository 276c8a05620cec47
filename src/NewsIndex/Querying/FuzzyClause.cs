namespace NewsIndex.Querying;

/// <summary>Articles with a word within <see cref="MaxEdits"/> edits of <see cref="Term"/>; the first character must match.
/// Syntax <c>nigerien~1</c>.</summary>
public sealed record FuzzyClause : NewsQuery
{
    /// <summary>Creates the clause.</summary>
    public FuzzyClause(string term, int maxEdits = 1, TextScope scope = TextScope.All)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(term);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEdits, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxEdits, 2);
        Term = term.Trim();
        if (Term.Any(char.IsWhiteSpace) || Term.Length > QuerySyntax.MaxWordLength)
        {
            throw new ArgumentException($"a fuzzy term is one word of at most {QuerySyntax.MaxWordLength} characters", nameof(term));
        }

        MaxEdits = maxEdits;
        Scope = scope;
    }

    /// <summary>The word.</summary>
    public string Term { get; }

    /// <summary>1 or 2.</summary>
    public int MaxEdits { get; }

    /// <summary>The fields searched.</summary>
    public TextScope Scope { get; }

    /// <inheritdoc />
    public override string ToString() => $"{QuerySyntax.Scope(Scope)}{QuerySyntax.Escape(Term)}~{MaxEdits}";
}
