namespace NewsIndex.Querying;

/// <summary>Articles containing every word of <see cref="Text"/>. Syntax: bare words, <c>title:word</c>, <c>body:word</c>.</summary>
public sealed record TextClause : NewsQuery
{
    /// <summary>Creates the clause.</summary>
    public TextClause(string text, TextScope scope = TextScope.All)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        QuerySyntax.CheckWordLengths(text, nameof(text));
        Text = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        Scope = scope;
    }

    /// <summary>The words, separated by single spaces.</summary>
    public string Text { get; }

    /// <summary>The fields searched.</summary>
    public TextScope Scope { get; }

    internal string[] Words => Text.Split(' ');

    internal override int Precedence => Words.Length > 1 ? 1 : 3;

    /// <inheritdoc />
    public override string ToString() => string.Join(' ', Words.Select(w => QuerySyntax.Scope(Scope) + QuerySyntax.Escape(w)));
}
