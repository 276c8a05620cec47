namespace NewsIndex.Querying;

/// <summary>Articles with the words of <see cref="Text"/> in order, at most <see cref="Slop"/> positions apart.
/// Syntax <c>"russian troops"</c>, proximity <c>"russian niger"~5</c>.</summary>
public sealed record PhraseClause : NewsQuery
{
    /// <summary>Creates the clause.</summary>
    public PhraseClause(string text, int slop = 0, TextScope scope = TextScope.All)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        ArgumentOutOfRangeException.ThrowIfNegative(slop);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(slop, QuerySyntax.MaxSlop);
        QuerySyntax.CheckWordLengths(text, nameof(text));
        Text = text;
        Slop = slop;
        Scope = scope;
    }

    /// <summary>The phrase.</summary>
    public string Text { get; }

    /// <summary>How many positions the words may move (0: exact phrase).</summary>
    public int Slop { get; }

    /// <summary>The fields searched.</summary>
    public TextScope Scope { get; }

    /// <inheritdoc />
    public override string ToString() => QuerySyntax.Scope(Scope) + QuerySyntax.Quote(Text) + (Slop > 0 ? $"~{Slop}" : string.Empty);
}
