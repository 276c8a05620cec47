namespace NewsIndex.Querying;

/// <summary><see cref="Inner"/> with its score multiplied by <see cref="Factor"/>. Syntax <c>x^2</c>.</summary>
public sealed record BoostClause : NewsQuery
{
    /// <summary>Creates the clause.</summary>
    public BoostClause(NewsQuery inner, float factor)
    {
        ArgumentNullException.ThrowIfNull(inner);
        if (!float.IsFinite(factor) || factor <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(factor), factor, "a boost must be a positive number");
        }

        Inner = inner;
        Factor = factor;
    }

    /// <summary>The boosted query.</summary>
    public NewsQuery Inner { get; }

    /// <summary>The multiplier.</summary>
    public float Factor { get; }

    internal override int Precedence => 2;

    /// <inheritdoc />
    public override string ToString() => Inner.ToString(3) + "^" + QuerySyntax.Number(Factor);
}
