namespace NewsIndex.Querying;

/// <summary>Articles that do not match <see cref="Inner"/>. Syntax <c>-x</c> or <c>NOT x</c>.</summary>
public sealed record NotClause : NewsQuery
{
    /// <summary>Creates the clause.</summary>
    public NotClause(NewsQuery inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        Inner = inner;
    }

    /// <summary>The negated query.</summary>
    public NewsQuery Inner { get; }

    internal override int Precedence => 2;

    /// <inheritdoc />
    public override string ToString() => "-" + Inner.ToString(2);
}
