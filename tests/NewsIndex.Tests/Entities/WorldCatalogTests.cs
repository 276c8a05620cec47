using System.Text.Json;
using NewsIndex.Entities;

namespace NewsIndex.Tests.Entities;

public class WorldCatalogTests
{
    private static readonly EntityCatalog Catalog = EntityCatalog.Default;

    private static IReadOnlyList<Entity> Forces => Catalog.All(EntityKind.Force);

    [Test]
    public void Forces_AreWorldScale_WithProvenance()
    {
        Assert.That(Forces.Count(f => f.Source == "ucdp-actor-22.1"), Is.GreaterThanOrEqualTo(1000), "UCDP non-state actors");
        Assert.That(Forces.Count(f => f.Category is "rebel" or "jihadist" or "militia" or "self-defence" or "faction"), Is.GreaterThanOrEqualTo(1000));
        Assert.That(Forces.Count(f => f.Category == "un-mission"), Is.GreaterThanOrEqualTo(30));
        Assert.That(Forces.Count(f => f.Parent is not null && f.Parent.EndsWith("-armed-forces", StringComparison.Ordinal)), Is.GreaterThanOrEqualTo(300), "national branches");
        Assert.That(Forces.Where(f => f.Source is not null).All(f => f.SourceId is { Length: > 0 }), Is.True, "a generated entity keeps its source id");
        Assert.That(Catalog.Get(EntityKind.Force, "jnim")!.SourceId, Is.EqualTo("6716"), "UCDP ActorId of JNIM");
    }

    [TestCase("wagner-group")]
    [TestCase("africa-corps")]
    [TestCase("jnim")]
    [TestCase("is-sahel")]
    [TestCase("ru-armed-forces")]
    [TestCase("ne-armed-forces")]
    [TestCase("al-qaeda")]
    [TestCase("minusma")]
    [TestCase("nato")]
    [TestCase("rsf")]
    public void ExistingIds_AreStable(string id) => Assert.That(Catalog.Get(EntityKind.Force, id), Is.Not.Null);

    [Test]
    public void EveryState_HasANationalForce_AndSanctionedStateUnitsAreBranches()
    {
        Assert.That(Catalog.Get(EntityKind.Force, "sy-armed-forces")?.Category, Is.EqualTo("national"), "Syria's Factbook row did not parse");
        var stateUnits = Forces.Where(f => f.Source == "ofac-sdn" && (f.Name.Contains("Syrian Arab", StringComparison.Ordinal) || f.Name.StartsWith("Russian Aerospace", StringComparison.Ordinal)));
        Assert.That(stateUnits.Select(f => f.Category), Is.All.EqualTo("branch"), "a state's sanctioned unit is no rebel group");
        Assert.That(Catalog.Get(EntityKind.Force, "ru-aerospace-forces")!.Parent, Is.EqualTo("ru-armed-forces"));
        var pla = Catalog.Get(EntityKind.Force, "cn-armed-forces")!;
        Assert.That((pla.Parent, pla.Areas.Count), Is.EqualTo(((string?)null, 0)), "UCDP's other People's Liberation Armies (Manipur, the Huks, Colombia's EPL) are not China's");
        Assert.That(Catalog.Get(EntityKind.Force, "pla-manipur")!.Country, Is.EqualTo("IN"));
    }

    [Test]
    public void Lineage_IsLoaded_AndSuccessorsAreTheInverse()
    {
        var africaCorps = Catalog.Get(EntityKind.Force, "africa-corps")!;
        Assert.That(africaCorps.Predecessors, Does.Contain(new EntityLink("wagner-group", "renamed", 2023)));
        Assert.That(Catalog.Get(EntityKind.Force, "wagner-group")!.Successors, Does.Contain(new EntityLink("africa-corps", "renamed", 2023)));
        Assert.That(Catalog.Get(EntityKind.Force, "is-sahel")!.Predecessors, Does.Contain(new EntityLink("isgs", "renamed", 2022)));
        Assert.That(Catalog.Get(EntityKind.Force, "jnim")!.Predecessors.Where(p => p.Relation == "merged" && p.Year == 2017).Select(p => p.Id),
            Is.SupersetOf(new[] { "ansar-dine", "al-mourabitoun", "katiba-macina", "aqim-sahara" }));
    }

    [Test]
    public void Parents_AndMembers()
    {
        Assert.That(Catalog.Get(EntityKind.Force, "katiba-macina")!.Parent, Is.EqualTo("jnim"));
        Assert.That(Catalog.Members("jnim").Select(m => m.Id), Does.Contain("katiba-macina").And.Contain("ansarul-islam"));
        Assert.That(Catalog.Members("ml-armed-forces").Select(m => m.Id), Does.Contain("ml-national-guard"));
        Assert.That(Catalog.Members("al-qaeda").Select(m => m.Id), Does.Contain("katiba-macina"), "members of members");
    }

    [Test]
    public void EveryRelation_PointsToAForceOfTheCatalog()
    {
        var ids = Forces.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        var dangling = Forces.SelectMany(f => f.Predecessors.Concat(f.Successors).Select(l => l.Id).Append(f.Parent).OfType<string>()
            .Where(id => !ids.Contains(id)).Select(id => $"{f.Id} -> {id}")).ToArray();
        Assert.That(dangling, Is.Empty);
        Assert.That(Forces.Where(f => f.Country is not null).Select(f => f.Country).Concat(Forces.SelectMany(f => f.Areas))
            .Where(c => Catalog.Get(EntityKind.Country, c!) is null).Distinct().ToArray(), Is.Empty, "affiliation and area countries exist");
    }

    [Test]
    public void ScopedAbbreviations_AreContextAliases()
    {
        Assert.That(Catalog.Get(EntityKind.Force, "ne-armed-forces")!.ContextAliases, Does.Contain("FAN"));
        Assert.That(Catalog.Get(EntityKind.Force, "bf-armed-forces")!.ContextAliases, Does.Contain("FAN"));
        Assert.That(Catalog.FindAll(EntityKind.Force, "SAF").Select(f => f.Id), Is.SupersetOf(new[] { "sd-armed-forces", "so-armed-forces" }));
    }

    /// <summary>The precision guard: no force alias is on the reviewed deny list, a generic phrase, or a country's name.</summary>
    [Test]
    public void NoAlias_IsGeneric_DeniedOrACountryName()
    {
        using var curated = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "src/NewsIndex/Entities/Data/generator/forces-curated.json")));
        var deny = curated.RootElement.GetProperty("deny").EnumerateArray().Select(e => Normal(e.GetString()!)).ToHashSet(StringComparer.Ordinal);
        string[] generic = ["security forces", "militia", "militias", "rebels", "the government", "government", "army", "the army", "military", "soldiers", "police", "national army", "armed forces", "national guard", "air force"];
        var countryNames = Catalog.All(EntityKind.Country).SelectMany(c => c.Aliases.Append(c.Name).Concat(c.Demonyms)).Select(Normal).ToHashSet(StringComparer.Ordinal);
        var offenders = Forces.SelectMany(f => f.Aliases.Concat(f.ContextAliases).Concat(f.NameIsAlias ? [f.Name] : Array.Empty<string>()).Select(a => (f.Id, Alias: a)))
            .Where(x => deny.Contains(Normal(x.Alias)) || generic.Contains(Normal(x.Alias)) || countryNames.Contains(Normal(x.Alias)))
            .Select(x => $"{x.Id}: {x.Alias}").ToArray();
        Assert.That(offenders, Is.Empty);
        Assert.That(deny, Does.Contain("security forces").And.Contain("militia").And.Contain("government"));
    }

    [Test]
    public void ShortGeneratedAcronyms_NeedCountryContext()
    {
        // A two- or three-letter acronym from a source ships only as a context alias, unless reviewed as known worldwide.
        using var curated = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "src/NewsIndex/Entities/Data/generator/forces-curated.json")));
        var reviewed = curated.RootElement.GetProperty("curated").EnumerateArray()
            .SelectMany(e => e.GetProperty("aliases").EnumerateArray().Select(a => $"{e.GetProperty("id").GetString()}|{a.GetString()}")).ToHashSet();
        var global = Forces.Where(f => f.Source is not null).SelectMany(f => f.Aliases.Select(a => (f.Id, Alias: a)))
            .Where(x => x.Alias.Length <= 3 && x.Alias.All(char.IsAsciiLetterUpper) && !reviewed.Contains($"{x.Id}|{x.Alias}")).Select(x => x.Alias).Distinct().ToArray();
        var known = curated.RootElement.GetProperty("globalAcronyms").EnumerateArray().Select(e => e.GetString()).ToHashSet();
        Assert.That(global.Where(a => !known.Contains(a)), Is.Empty);
    }

    [Test]
    public void Version_HashesEveryField()
    {
        var wagner = Catalog.Get(EntityKind.Force, "wagner-group")!;
        Assert.That(Catalog.With([wagner with { Parent = "ru-armed-forces" }]).Version, Is.Not.EqualTo(Catalog.Version));
        Assert.That(Catalog.With([wagner with { SourceId = "x" }]).Version, Is.Not.EqualTo(Catalog.Version));
        Assert.That(Catalog.With([wagner with { Name = "Wagner PMC" }]).Version, Is.Not.EqualTo(Catalog.Version));
        Assert.That(Catalog.With([wagner]).Version, Is.EqualTo(Catalog.Version), "the same entities, the same version");
    }

    [Test]
    public void WithFile_ReadsRelationsAndProvenance()
    {
        var dir = TestPaths.NewTempDirectory();
        var path = Path.Combine(dir, "extra.json");
        File.WriteAllText(path, """
            { "forces": [
              { "id": "red-hand", "name": "Red Hand Brigade", "category": "militia", "country": "ML", "areas": ["NE"], "parent": "jnim",
                "aliases": ["Red Hand Brigade"], "contextAliases": ["RHB"], "source": "test", "sourceId": "42",
                "predecessors": [ { "id": "ansar-dine", "relation": "splintered", "year": 2019 } ] } ] }
            """);
        var custom = Catalog.WithFile(path);
        var force = custom.Get(EntityKind.Force, "red-hand")!;
        Assert.That((force.Category, force.Parent, force.Source, force.SourceId, force.Areas.Single()), Is.EqualTo(("militia", "jnim", "test", "42", "NE")));
        Assert.That(custom.Get(EntityKind.Force, "ansar-dine")!.Successors, Does.Contain(new EntityLink("red-hand", "splintered", 2019)));
        Assert.That(custom.Members("jnim").Select(m => m.Id), Does.Contain("red-hand"));
        Assert.That(custom.Tagger.Tag("The RHB attacked.").Select(m => m.Id), Is.Empty, "a context alias needs its country");
        Assert.That(custom.Tagger.Tag("In Niger, the RHB attacked.").Select(m => m.Id), Is.EqualTo(new[] { "NE", "red-hand" }));
        Directory.Delete(dir, true);
    }

    private static string Normal(string alias) =>
        string.Join(' ', alias.ToLowerInvariant().Replace("'", "", StringComparison.Ordinal).Replace("’", "", StringComparison.Ordinal)
            .Split([' ', '-', '.', ','], StringSplitOptions.RemoveEmptyEntries)).Replace("the ", "", StringComparison.Ordinal);
}
