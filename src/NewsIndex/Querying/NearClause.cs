namespace NewsIndex.Querying;

/// <summary>Articles mentioning a catalog base within <see cref="Kilometres"/> of <see cref="Place"/> (a base, a city,
/// or a country's reference point), by great-circle distance. Syntax <c>near:Niamey/20km</c>.</summary>
public sealed record NearClause : NewsQuery
{
    /// <summary>Creates the clause.</summary>
    public NearClause(string place, double kilometres)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(place);
        if (!double.IsFinite(kilometres) || kilometres <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(kilometres), kilometres, "distance must be a positive number of kilometres");
        }

        Place = place.Trim();
        Kilometres = kilometres;
    }

    /// <summary>Base id or alias, or city name.</summary>
    public string Place { get; }

    /// <summary>Radius in kilometres.</summary>
    public double Kilometres { get; }

    /// <inheritdoc />
    public override string ToString() => $"near:{QuerySyntax.Value(Place)}/{QuerySyntax.Number(Kilometres)}km";
}
