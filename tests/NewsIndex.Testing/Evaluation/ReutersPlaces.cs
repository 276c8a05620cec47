using System.Collections.Frozen;
using NewsIndex.Entities;

namespace NewsIndex.Testing.Evaluation;

/// <summary>
/// Maps Reuters-21578 PLACES codes (lower-case, hyphenated names such as <c>west-germany</c>) to catalog country ids.
/// Most resolve by name through the catalog; the rest are listed here with the reason.
/// </summary>
public static class ReutersPlaces
{
    private static readonly FrozenDictionary<string, string> Explicit = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["usa"] = "US",
        ["uk"] = "GB",
        ["ussr"] = "SU",                     // historical state, ISO 3166-3 former code
        ["west-germany"] = "DE",             // the Federal Republic continues as today's Germany
        ["east-germany"] = "DD",             // historical state
        ["yemen-arab-republic"] = "YE",      // North Yemen; today's Yemen continues it
        ["yemen-demo-republic"] = "YD",      // South Yemen, historical state
        ["trinidad-tobago"] = "TT",
        ["us-virgin-islands"] = "VI",
        ["antigua"] = "AG",
        ["kampuchea"] = "KH",
        ["burma"] = "MM",
        ["zaire"] = "CD",
        ["congo"] = "CG",                    // in 1987 "Congo" was Congo-Brazzaville; Kinshasa was Zaire
        ["ivory-coast"] = "CI",
        ["hong-kong"] = "HK",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The catalog id for a Reuters place code, or null when it names no country the catalog has.</summary>
    public static string? ToCountryId(string place, EntityCatalog catalog)
    {
        if (Explicit.TryGetValue(place, out var id))
        {
            return id;
        }

        return catalog.Find(EntityKind.Country, place.Replace('-', ' '))?.Id;
    }
}
