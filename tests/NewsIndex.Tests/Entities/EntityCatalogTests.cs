using NewsIndex.Entities;

namespace NewsIndex.Tests.Entities;

public class EntityCatalogTests
{
    private static readonly EntityCatalog Catalog = EntityCatalog.Default;

    [Test]
    public void Default_HasEveryIsoCountry_HistoricalStates_NamedForcesAndBases()
    {
        var countries = Catalog.All(EntityKind.Country);
        Assert.That(countries.Count(c => c.Until is null), Is.GreaterThanOrEqualTo(249));
        Assert.That(countries.Select(c => c.Id), Is.SupersetOf(new[] { "NE", "NG", "US", "RU", "TD", "GN", "GQ", "GW", "PG", "SU", "DD", "YU", "CS" }));
        Assert.That(Catalog.All(EntityKind.Force).Count(f => f.Category != "national"), Is.GreaterThanOrEqualTo(40));
        Assert.That(Catalog.All(EntityKind.Force).Count(f => f.Category == "national"), Is.GreaterThanOrEqualTo(countries.Count));
        Assert.That(Catalog.All(EntityKind.Base), Has.Count.GreaterThanOrEqualTo(40));
        Assert.That(Catalog.All(EntityKind.Base).All(b => b.Location is not null && b.Country is not null), Is.True);
    }

    [TestCase(EntityKind.Country, "TD", "TD")]
    [TestCase(EntityKind.Country, "Chad", "TD")]
    [TestCase(EntityKind.Country, "td", "TD")]
    [TestCase(EntityKind.Country, "Nigerien", "NE")]
    [TestCase(EntityKind.Country, "Kremlin", "RU")]
    [TestCase(EntityKind.Force, "Wagner", "wagner-group")]
    [TestCase(EntityKind.Force, "wagner", "wagner-group")]
    [TestCase(EntityKind.Force, "Russian troops", "ru-armed-forces")]
    [TestCase(EntityKind.Base, "Air Base 201", "ne-air-base-201")]
    [TestCase(EntityKind.Base, "BA 101", "ne-air-base-101")]
    public void Find_ResolvesIdsAndAliases(EntityKind kind, string text, string id) =>
        Assert.That(Catalog.Find(kind, text)?.Id, Is.EqualTo(id));

    [Test]
    public void Resolve_UnknownName_SuggestsCloseOnes()
    {
        var ex = Assert.Throws<UnknownEntityException>(() => Catalog.Resolve(EntityKind.Country, "Nigerr"));
        Assert.That(ex!.Message, Does.StartWith("no country named \"Nigerr\" in the catalog; did you mean NE (Niger)"));
        Assert.That(Catalog.Find(EntityKind.Force, "Chad"), Is.Null, "a country is not a force");
    }

    [Test]
    public void With_AddsAndOverridesEntities_AndChangesTheVersion()
    {
        var custom = Catalog.With([
            new Entity(EntityKind.Force, "wagner-group", "Wagner Group") { Aliases = ["Wagner", "the musicians"], Country = "RU", Category = "private-military-company" },
            new Entity(EntityKind.Base, "ne-tillia", "Tillia outpost") { Aliases = ["Tillia outpost"], Country = "NE", Location = new GeoPoint(16.13, 4.79) },
        ]);
        var mentions = custom.Tagger.Tag("The musicians reached the Tillia outpost.");
        Assert.That(mentions.Where(m => m.Kind != EntityKind.Country).Select(m => m.Id), Is.EqualTo(new[] { "wagner-group", "ne-tillia" }));
        Assert.That(mentions.Where(m => m.Kind == EntityKind.Country).Select(m => (m.Id, m.Implied)), Is.EqualTo(new[] { ("NE", true) }), "the base's host, as nothing else names a country");
        Assert.That(custom.Version, Is.Not.EqualTo(Catalog.Version));
        Assert.That(Catalog.Tagger.Tag("The musicians reached the Tillia outpost."), Is.Empty, "the default catalog is unchanged");
    }

    [Test]
    public void WithFile_ReadsTheEmbeddedFormat()
    {
        var dir = TestPaths.NewTempDirectory();
        var path = Path.Combine(dir, "extra.json");
        File.WriteAllText(path, """{ "forces": [ { "id": "jnim-katiba-macina", "name": "Katiba Macina", "type": "insurgent", "country": "ML", "aliases": ["Katiba Macina", "Macina Liberation Front"] } ] }""");
        var custom = Catalog.WithFile(path);
        Assert.That(custom.Find(EntityKind.Force, "Macina Liberation Front")?.Country, Is.EqualTo("ML"));
        File.WriteAllText(path, "{ \"forces\": [ { \"name\": \"no id\" } ] }");
        Assert.That(() => Catalog.WithFile(path), Throws.InstanceOf<NewsIndexException>().With.Message.Contains("lacks the required \"id\""));
        Directory.Delete(dir, true);
    }

    [Test]
    public void Distance_NiameyToAirBase101_IsWithin20Km_AndAgadezIsAbout740KmAway()
    {
        var niamey = Catalog.FindCity("Niamey")!.Location;
        Assert.That(Catalog.Get(EntityKind.Base, "ne-air-base-101")!.Location!.Value.DistanceKm(niamey), Is.LessThan(20));
        Assert.That(Catalog.Get(EntityKind.Base, "ne-air-base-201")!.Location!.Value.DistanceKm(niamey), Is.InRange(700, 780));
    }

    [Test]
    public void AUsersEntry_WinsTheNamesItClaims_InsteadOfMakingThemAmbiguous()
    {
        var builtIn = EntityCatalog.Default.FindAll(EntityKind.Force, "Macina Liberation Front");
        Assert.That(builtIn, Has.Count.EqualTo(1), "the built-in catalog knows the name");
        var mine = new Entity(EntityKind.Force, "my-macina", "My Macina") { Country = "ML", Aliases = ["Macina Liberation Front"] };
        var catalog = EntityCatalog.Default.With([mine]);
        var tagged = catalog.Tagger.Tag("The Macina Liberation Front attacked a convoy near Mopti in Mali.");
        Assert.Multiple(() =>
        {
            Assert.That(tagged.Where(m => m.Kind == EntityKind.Force).Select(m => m.Id), Is.EqualTo(new[] { "my-macina" }));
            Assert.That(catalog.Get(EntityKind.Force, builtIn[0].Id), Is.Not.Null, "the built-in entity stays, without the claimed name");
            Assert.That(catalog.Get(EntityKind.Force, builtIn[0].Id)!.Aliases, Does.Not.Contain("Macina Liberation Front"));
        });
    }
}
