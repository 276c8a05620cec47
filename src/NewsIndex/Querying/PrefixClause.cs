namespace NewsIndex.Querying;

/// <summary>Articles with a word starting with <see cref="Prefix"/>. Syntax <c>milit*</c>. Leading wildcards are not supported.</summary>
public sealed record PrefixClause : NewsQuery
{
    /// <summary>Creates the clause.</summary>
    public PrefixClause(string prefix, TextScope scope = TextScope.All)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        Prefix = prefix.Trim();
        if (Prefix.Any(char.IsWhiteSpace) || Prefix.Length > QuerySyntax.MaxWordLength)
        {
            throw new ArgumentException($"a prefix is one word of at most {QuerySyntax.MaxWordLength} characters", nameof(prefix));
        }

        Scope = scope;
    }

    /// <summary>The beginning of the words to match.</summary>
    public string Prefix { get; }

    /// <summary>The fields searched.</summary>
    public TextScope Scope { get; }

    /// <inheritdoc />
    public override string ToString() => QuerySyntax.Scope(Scope) + QuerySyntax.Escape(Prefix) + "*";
}
