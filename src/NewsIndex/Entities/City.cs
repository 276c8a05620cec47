namespace NewsIndex.Entities;

/// <summary>A city from the embedded GeoNames-derived list (population 100,000 or more).</summary>
/// <param name="Name">The city's name.</param>
/// <param name="Country">ISO 3166-1 alpha-2 code of its country.</param>
/// <param name="Location">Its coordinates.</param>
/// <param name="Population">Population as given by GeoNames.</param>
public sealed record City(string Name, string Country, GeoPoint Location, long Population);
