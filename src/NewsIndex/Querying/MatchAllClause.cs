namespace NewsIndex.Querying;

/// <summary>Matches every article. Syntax <c>*</c>.</summary>
public sealed record MatchAllClause : NewsQuery
{
    /// <inheritdoc />
    public override string ToString() => "*";
}
