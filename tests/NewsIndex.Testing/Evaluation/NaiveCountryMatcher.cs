using System.Text.RegularExpressions;
using NewsIndex.Entities;

namespace NewsIndex.Testing.Evaluation;

/// <summary>
/// The baseline the tagger is measured against: exact, case-sensitive, whole-word matching of each country's
/// common name (as a simple gazetteer lookup would do), with no demonyms, metonyms, context or prominence.
/// </summary>
public sealed class NaiveCountryMatcher
{
    private readonly Regex _pattern;
    private readonly Dictionary<string, string> _idByName;

    /// <summary>Builds the matcher from the catalog's country names.</summary>
    public NaiveCountryMatcher(EntityCatalog catalog)
    {
        _idByName = catalog.All(EntityKind.Country).GroupBy(c => c.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);
        var alternatives = _idByName.Keys.OrderByDescending(n => n.Length).Select(Regex.Escape);
        _pattern = new Regex($@"\b(?:{string.Join('|', alternatives)})\b", RegexOptions.Compiled | RegexOptions.CultureInvariant);
    }

    /// <summary>The ids of the country names found in <paramref name="text"/>.</summary>
    public HashSet<string> Match(string text) =>
        _pattern.Matches(text).Select(m => _idByName[m.Value]).ToHashSet(StringComparer.Ordinal);
}
