namespace NewsIndex.Querying;

/// <summary>Articles attributed to <see cref="Source"/> (case-insensitive). Syntax <c>source:BBC</c>.</summary>
public sealed record SourceClause : NewsQuery
{
    /// <summary>Creates the clause.</summary>
    public SourceClause(string source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        Source = source.Trim();
    }

    /// <summary>The source's name.</summary>
    public string Source { get; }

    /// <inheritdoc />
    public override string ToString() => $"source:{QuerySyntax.Value(Source)}";
}
