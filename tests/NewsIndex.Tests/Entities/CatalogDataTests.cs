using System.Text.Json;
using System.Text.RegularExpressions;

namespace NewsIndex.Tests.Entities;

/// <summary>
/// Checks the raw catalog data files (bases.json, shadows.json) for the facts every consumer relies on: valid
/// coordinates, known country codes, unique ids, no generic aliases, and well-formed names. These run on the JSON
/// itself, independent of how the catalog loader uses it.
/// </summary>
public partial class CatalogDataTests
{
    private static readonly string DataDirectory = Path.Combine(TestPaths.RepositoryRoot, "src", "NewsIndex", "Entities", "Data");

    private static readonly HashSet<string> CountryIds = LoadCountryIds();

    private static readonly HashSet<string> CountryNames = LoadCountryNames();

    // Aliases that name no installation in particular.
    private static readonly HashSet<string> GenericBaseAliases = new(StringComparer.OrdinalIgnoreCase)
    {
        "air base", "airbase", "base", "the base", "military base", "naval base", "air station", "airfield", "airport",
        "camp", "fort", "garrison", "barracks", "army", "navy", "air force", "the airport", "drone base",
    };

    private static readonly string[] CuratedBaseIds =
    [
        "ne-air-base-101", "ne-air-base-201", "ml-air-base-101", "td-base-kosei", "dj-camp-lemonnier", "dj-chinese-base",
        "dj-chabelley", "so-baledogle", "ke-camp-simba", "de-ramstein", "qa-al-udeid", "tr-incirlik", "sy-hmeimim", "sy-tartus",
        "sy-al-tanf", "io-diego-garcia", "cu-guantanamo-bay", "ua-sevastopol", "vn-cam-ranh", "cf-bangui-mpoko",
    ];

    [Test]
    public void Bases_AtWorldScale_KeepCuratedIdsAndHaveUniqueIds()
    {
        var bases = Bases();
        Assert.That(bases, Has.Count.GreaterThanOrEqualTo(400));
        var ids = bases.Select(b => b.GetProperty("id").GetString()!).ToList();
        Assert.That(ids, Is.Unique);
        Assert.That(ids, Is.SupersetOf(CuratedBaseIds));
        Assert.That(ids.All(id => IdPattern().IsMatch(id)), Is.True, "ids are lower-case slugs");
    }

    [Test]
    public void Bases_EachHasHostCountryCoordinatesOperatorsAndAliases()
    {
        foreach (var b in Bases())
        {
            var id = b.GetProperty("id").GetString();
            Assert.That(CountryIds, Does.Contain(b.GetProperty("country").GetString()), $"{id}: host country");
            var lat = b.GetProperty("lat").GetDouble();
            var lon = b.GetProperty("lon").GetDouble();
            Assert.That(lat, Is.InRange(-90.0, 90.0), $"{id}: latitude");
            Assert.That(lon, Is.InRange(-180.0, 180.0), $"{id}: longitude");
            Assert.That(lat == 0 && lon == 0, Is.False, $"{id}: null island");
            var operators = Strings(b, "operators");
            Assert.That(operators, Is.Not.Empty, $"{id}: operators");
            Assert.That(operators.All(o => o == "UN" || CountryIds.Contains(o)), Is.True, $"{id}: operator codes");
            Assert.That(Strings(b, "aliases"), Is.Not.Empty, $"{id}: aliases");
            Assert.That(b.GetProperty("source").GetString(), Is.AnyOf("curated", "ourairports"), $"{id}: source");
        }
    }

    [Test]
    public void Bases_AliasesAreNotGeneric_AndNumberedNamesCarryTheirNumber()
    {
        foreach (var b in Bases())
        {
            var id = b.GetProperty("id").GetString();
            var number = b.TryGetProperty("number", out var n) ? n.GetString() : null;
            foreach (var alias in Strings(b, "aliases"))
            {
                Assert.That(GenericBaseAliases, Does.Not.Contain(alias), $"{id}: generic alias");
                Assert.That(CountryNames, Does.Not.Contain(alias), $"{id}: alias is a country name");
                Assert.That(WellFormed(alias), Is.True, $"{id}: malformed alias \"{alias}\"");
                var numbered = NumberedAlias().Match(alias);
                if (numbered.Success)
                {
                    Assert.That(number, Is.EqualTo(numbered.Groups[1].Value), $"{id}: numbered alias \"{alias}\" needs its number");
                }
            }
        }
    }

    [Test]
    public void Bases_FromOurAirportsKeepProvenance_AndForeignBasesAbroadAreListed()
    {
        var bases = Bases();
        var generated = bases.Where(b => b.GetProperty("source").GetString() == "ourairports").ToList();
        Assert.That(generated, Is.Not.Empty);
        Assert.That(generated.All(b => b.TryGetProperty("sourceId", out _) && b.TryGetProperty("icao", out _)), Is.True);
        var foreign = bases.Where(b => Strings(b, "operators").Any(o => o != b.GetProperty("country").GetString())).ToList();
        Assert.That(foreign, Has.Count.GreaterThanOrEqualTo(80));
        string[] expected = ["Souda Bay", "Pituffik Space Base", "Kant Air Base", "Camp Bondsteel", "Ream Naval Base", "102nd Military Base", "Dhekelia"];
        var names = bases.SelectMany(b => Strings(b, "aliases").Append(b.GetProperty("name").GetString()!)).ToHashSet();
        Assert.That(names, Is.SupersetOf(expected));
    }

    [Test]
    public void Shadows_RegionsCoverTheWorld_WithKnownCountriesAndNoCountryOrCapitalNames()
    {
        using var document = Shadows();
        var regions = document.RootElement.GetProperty("regions").EnumerateArray().ToList();
        Assert.That(regions, Has.Count.GreaterThanOrEqualTo(3000));
        Assert.That(regions.Select(r => r.GetProperty("country").GetString()).Distinct().Count(), Is.GreaterThanOrEqualTo(190));
        foreach (var r in regions)
        {
            var name = r.GetProperty("name").GetString()!;
            Assert.That(CountryIds, Does.Contain(r.GetProperty("country").GetString()), name);
            Assert.That(r.TryGetProperty("source", out _) && r.TryGetProperty("sourceId", out _), Is.True, $"{name}: provenance");
            foreach (var alias in Strings(r, "aliases").Append(name))
            {
                Assert.That(WellFormed(alias), Is.True, $"region \"{alias}\"");
                Assert.That(CountryNames, Does.Not.Contain(alias), $"region alias \"{alias}\" is a country name");
            }

            if (r.TryGetProperty("lat", out var lat))
            {
                Assert.That(lat.GetDouble(), Is.InRange(-90.0, 90.0));
                Assert.That(r.GetProperty("lon").GetDouble(), Is.InRange(-180.0, 180.0));
            }
        }

        var byName = regions.ToLookup(r => r.GetProperty("name").GetString());
        Assert.That(byName["Lower Juba"].Single().GetProperty("country").GetString(), Is.EqualTo("SO"));
        Assert.That(byName["Lac"].Single().GetProperty("country").GetString(), Is.EqualTo("TD"));
        Assert.That(byName["Borno"].Single().GetProperty("country").GetString(), Is.EqualTo("NG"));
        Assert.That(regions.Any(r => Strings(r, "aliases").Contains("Banadir")), Is.True);
    }

    [Test]
    public void Shadows_FeaturesWorldRegionsAndOrganisationsAreWellFormed()
    {
        using var document = Shadows();
        var root = document.RootElement;
        var features = root.GetProperty("features").EnumerateArray().ToList();
        var worldRegions = root.GetProperty("worldRegions").EnumerateArray().ToList();
        var organisations = root.GetProperty("organisations").EnumerateArray().ToList();
        Assert.That(features, Has.Count.GreaterThanOrEqualTo(100));
        Assert.That(worldRegions, Has.Count.GreaterThanOrEqualTo(30));
        Assert.That(organisations, Has.Count.GreaterThanOrEqualTo(300));

        foreach (var f in features)
        {
            var name = f.GetProperty("name").GetString()!;
            Assert.That(WellFormed(name) && f.GetProperty("kind").GetString()!.Length > 0, Is.True, name);
            Assert.That(Strings(f, "countries").All(CountryIds.Contains), Is.True, $"{name}: countries");
        }

        var organisationNames = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var o in organisations)
        {
            var name = o.GetProperty("name").GetString()!;
            Assert.That(CountryIds, Does.Contain(o.GetProperty("country").GetString()), name);
            Assert.That(o.GetProperty("kind").GetString(), Is.Not.Empty, name);
            foreach (var alias in Strings(o, "aliases").Append(name))
            {
                Assert.That(WellFormed(alias), Is.True, $"organisation \"{alias}\"");
                Assert.That(CountryNames, Does.Not.Contain(alias), $"organisation alias \"{alias}\" is a country name");
                Assert.That(organisationNames.TryAdd(alias, name) || organisationNames[alias] == name, Is.True, $"\"{alias}\" names two organisations");
            }
        }

        Assert.That(organisationNames.Keys, Is.SupersetOf(new[] { "Bank of China", "Deutsche Bank", "Qatar Airways", "Inter Milan", "Voice of America", "Central Bank of India", "European Central Bank" }));
        Assert.That(organisationNames.Keys, Has.None.EqualTo("Reserve Bank of India").And.None.EqualTo("Bank of Japan"),
            "a national central bank is a metonym of its country, not an organisation that implies nothing");
        Assert.That(features.Select(f => f.GetProperty("name").GetString()), Is.SupersetOf(new[] { "Lake Chad", "Gulf of Guinea", "Niger Delta", "Red Sea" }));
        var worldNames = worldRegions.SelectMany(w => Strings(w, "aliases").Append(w.GetProperty("name").GetString()!)).ToHashSet();
        Assert.That(worldNames, Is.SupersetOf(new[] { "North America", "Latin American", "Middle East", "the Sahel", "South-East Asia" }));
    }

    private static List<JsonElement> Bases()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(DataDirectory, "bases.json")));
        return document.RootElement.GetProperty("bases").EnumerateArray().Select(b => b.Clone()).ToList();
    }

    private static JsonDocument Shadows() => JsonDocument.Parse(File.ReadAllText(Path.Combine(DataDirectory, "shadows.json")));

    private static string[] Strings(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) ? value.EnumerateArray().Select(v => v.GetString()!).ToArray() : [];

    private static bool WellFormed(string s) =>
        s.Length is >= 2 and <= 120 && s == s.Trim() && !s.Contains("  ", StringComparison.Ordinal) && s.Any(char.IsLetter) &&
        !s.Any(char.IsControl);

    private static HashSet<string> LoadCountryIds()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(DataDirectory, "countries.json")));
        return document.RootElement.GetProperty("countries").EnumerateArray().Select(c => c.GetProperty("id").GetString()!).ToHashSet(StringComparer.Ordinal);
    }

    private static HashSet<string> LoadCountryNames()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(DataDirectory, "countries.json")));
        return document.RootElement.GetProperty("countries").EnumerateArray()
            .SelectMany(c => Strings(c, "aliases").Append(c.GetProperty("name").GetString()!))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^(?:Air ?[Bb]ase|BA|Base [Aa][ée]rienne) (\d+)$")]
    private static partial Regex NumberedAlias();
}
