namespace NewsIndex.Entities;

/// <summary>
/// A city or town from the embedded GeoNames-derived list: cities of 100,000 people or more, towns of 15,000 or more and
/// seats of first-level regions, except towns named like frequent English words.
/// </summary>
/// <param name="Name">The city's name.</param>
/// <param name="Country">ISO 3166-1 alpha-2 code of its country.</param>
/// <param name="Location">Its coordinates.</param>
/// <param name="Population">Population as given by GeoNames.</param>
public sealed record City(string Name, string Country, GeoPoint Location, long Population)
{
    /// <summary>Places below this population are towns: weaker evidence of their country than a city (two towns alone do not support each other).</summary>
    internal const long TownPopulation = 100_000;

    /// <summary>Cities of this population or more name their country even unlocated, where the text names no country.</summary>
    internal const long MetropolisPopulation = 1_000_000;

    /// <summary>
    /// True when a place abroad with at least a fiftieth of this city's people has the same name ("Naples", Florida):
    /// the name alone may mean it, so it does not name this city's country beside another country the text names.
    /// </summary>
    internal bool NamedElsewhere { get; init; }
}
