using System.Xml.Linq;

namespace NewsIndex.Tests.Packaging;

public class NuspecTests
{
    private static readonly XNamespace Ns = "http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd";

    [Test]
    public void NuspecDependencies_MatchDirectoryPackagesProps_ForEveryFramework()
    {
        var versions = XDocument.Load(TestPaths.PackagesProps).Descendants("PackageVersion")
            .ToDictionary(e => (string)e.Attribute("Include")!, e => (string)e.Attribute("Version")!);
        var library = XDocument.Load(Path.Combine(TestPaths.RepositoryRoot, "src", "NewsIndex", "NewsIndex.csproj"))
            .Descendants("PackageReference").Where(e => (string?)e.Attribute("PrivateAssets") != "all").Select(e => (string)e.Attribute("Include")!).Order(StringComparer.Ordinal).ToArray();
        var groups = XDocument.Load(TestPaths.Nuspec).Descendants(Ns + "group").ToArray();

        Assert.That(groups.Select(g => (string)g.Attribute("targetFramework")!), Is.EquivalentTo(new[] { "net8.0", "net10.0" }));
        foreach (var group in groups)
        {
            var dependencies = group.Elements(Ns + "dependency").ToDictionary(d => (string)d.Attribute("id")!, d => (string)d.Attribute("version")!);
            Assert.That(dependencies.Keys.Order(StringComparer.Ordinal), Is.EqualTo(library), $"{group.Attribute("targetFramework")}: the library's package references");
            foreach (var (id, version) in dependencies)
            {
                Assert.That(version, Is.EqualTo(versions[id]), $"{id} in {group.Attribute("targetFramework")}");
            }
        }
    }

    [Test]
    public void Nuspec_ShipsBothFrameworksWithXmlDocs_AndTheReadme()
    {
        var nuspec = XDocument.Load(TestPaths.Nuspec);
        var files = nuspec.Descendants(Ns + "file").Select(f => ((string)f.Attribute("src")!, (string)f.Attribute("target")!)).ToArray();
        foreach (var framework in new[] { "net8.0", "net10.0" })
        {
            Assert.That(files, Does.Contain(($"src/NewsIndex/bin/$configuration$/{framework}/NewsIndex.dll", $"lib/{framework}")));
            Assert.That(files, Does.Contain(($"src/NewsIndex/bin/$configuration$/{framework}/NewsIndex.xml", $"lib/{framework}")));
        }

        Assert.That((string?)nuspec.Descendants(Ns + "readme").SingleOrDefault(), Is.EqualTo("README.md"));
        Assert.That((string?)nuspec.Descendants(Ns + "license").SingleOrDefault(), Is.EqualTo("MIT"));
    }

    [Test]
    public void SeedsInTheRepository_AreTheSharedSeedsByteForByte()
    {
        var shared = Path.Combine(TestPaths.RepositoryRoot, "..", "shared", "seeds");
        if (!Directory.Exists(shared))
        {
            Assert.Ignore("../shared/seeds is not beside this checkout");
        }

        foreach (var file in Directory.GetFiles(shared, "*.txt"))
        {
            Assert.That(File.ReadAllBytes(Path.Combine(TestPaths.Seeds, Path.GetFileName(file))), Is.EqualTo(File.ReadAllBytes(file)), Path.GetFileName(file));
        }
    }
}
