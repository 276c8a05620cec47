namespace NewsIndex.Querying;

/// <summary>Articles mentioning a force affiliated with <see cref="Country"/> or a base it hosts or operates.
/// Syntax <c>affiliated:Russia</c>.</summary>
public sealed record AffiliatedWithClause : NewsQuery
{
    /// <summary>Creates the clause.</summary>
    public AffiliatedWithClause(string country)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(country);
        Country = country.Trim();
    }

    /// <summary>Country id or alias.</summary>
    public string Country { get; }

    /// <inheritdoc />
    public override string ToString() => $"affiliated:{QuerySyntax.Value(Country)}";
}
