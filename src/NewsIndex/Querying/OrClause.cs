namespace NewsIndex.Querying;

/// <summary>Articles matching at least one clause. Syntax <c>a OR b</c>.</summary>
public sealed record OrClause : NewsQuery
{
    /// <summary>Creates the clause from at least two clauses.</summary>
    public OrClause(IEnumerable<NewsQuery> clauses)
    {
        ArgumentNullException.ThrowIfNull(clauses);
        Clauses = ValueList.From(clauses.ToArray());
        if (Clauses.Count < 2 || Clauses.Any(c => c is null))
        {
            throw new ArgumentException("an OR needs at least two clauses", nameof(clauses));
        }
    }

    /// <summary>The alternatives.</summary>
    public ValueList<NewsQuery> Clauses { get; }

    internal override int Precedence => 0;

    internal static NewsQuery Of(NewsQuery left, NewsQuery right) =>
        new OrClause((left is OrClause l ? l.Clauses : [left]).Concat(right is OrClause r ? r.Clauses : [right]));

    /// <inheritdoc />
    public override string ToString() => string.Join(" OR ", Clauses.Select(c => c.ToString(1)));
}
