namespace NewsIndex.Querying;

/// <summary>Articles mentioning a military base located in <see cref="Country"/>. Syntax <c>located:Niger</c>.</summary>
public sealed record LocatedInClause : NewsQuery
{
    /// <summary>Creates the clause.</summary>
    public LocatedInClause(string country)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(country);
        Country = country.Trim();
    }

    /// <summary>Country id or alias.</summary>
    public string Country { get; }

    /// <inheritdoc />
    public override string ToString() => $"located:{QuerySyntax.Value(Country)}";
}
