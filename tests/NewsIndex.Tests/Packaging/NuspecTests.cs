using System.Xml.Linq;

namespace NewsIndex.Tests.Packaging;

public class NuspecTests
{
    private static readonly XNamespace Ns = "http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd";

    private static readonly string[] Packages = ["NewsIndex", "NewsIndex.Extensions.DependencyInjection"];

    private static string NuspecOf(string package) => Path.Combine(TestPaths.RepositoryRoot, package + ".nuspec");

    private static string ProjectOf(string package) => Path.Combine(TestPaths.RepositoryRoot, "src", package, package + ".csproj");

    [TestCaseSource(nameof(Packages))]
    public void NuspecDependencies_MatchDirectoryPackagesProps_ForEveryFramework(string package)
    {
        var versions = XDocument.Load(TestPaths.PackagesProps).Descendants("PackageVersion")
            .ToDictionary(e => (string)e.Attribute("Include")!, e => (string)e.Attribute("Version")!);
        var project = XDocument.Load(ProjectOf(package));
        var references = project.Descendants("PackageReference").Where(e => (string?)e.Attribute("PrivateAssets") != "all").Select(e => (string)e.Attribute("Include")!)
            .Concat(project.Descendants("ProjectReference").Select(e => Path.GetFileNameWithoutExtension((string)e.Attribute("Include")!)))
            .Order(StringComparer.Ordinal).ToArray();
        var groups = XDocument.Load(NuspecOf(package)).Descendants(Ns + "group").ToArray();

        Assert.That(groups.Select(g => (string)g.Attribute("targetFramework")!), Is.EquivalentTo(new[] { "net8.0", "net10.0" }));
        foreach (var group in groups)
        {
            var dependencies = group.Elements(Ns + "dependency").ToDictionary(d => (string)d.Attribute("id")!, d => (string)d.Attribute("version")!);
            Assert.That(dependencies.Keys.Order(StringComparer.Ordinal), Is.EqualTo(references), $"{group.Attribute("targetFramework")}: the project's package and project references");
            foreach (var (id, version) in dependencies)
            {
                // A project reference is a package of this repository: exactly the same version.
                Assert.That(version, Is.EqualTo(versions.TryGetValue(id, out var pinned) ? pinned : "[$version$]"), $"{id} in {group.Attribute("targetFramework")}");
            }
        }
    }

    [TestCaseSource(nameof(Packages))]
    public void Nuspec_ShipsBothFrameworksWithXmlDocsAndSymbols_TheIconAndThePackageReadme(string package)
    {
        var nuspec = XDocument.Load(NuspecOf(package));
        var files = nuspec.Descendants(Ns + "file").Select(f => ((string)f.Attribute("src")!, (string?)f.Attribute("target"))).ToArray();
        foreach (var framework in new[] { "net8.0", "net10.0" })
        {
            foreach (var extension in new[] { "dll", "xml", "pdb" })
            {
                Assert.That(files, Does.Contain(($"src/{package}/bin/$configuration$/{framework}/{package}.{extension}", (string?)$"lib/{framework}")));
            }
        }

        Assert.That(files, Does.Contain(($"src/{package}/PACKAGE.md", (string?)"README.md")), "the package README is the one written for nuget.org");
        Assert.That(files, Does.Contain(("docs/icon.png", (string?)"icon.png")));
        Assert.That(File.Exists(Path.Combine(TestPaths.RepositoryRoot, "docs", "icon.png")), Is.True);
        var metadata = nuspec.Root!.Element(Ns + "metadata")!;
        Assert.That((string?)metadata.Element(Ns + "readme"), Is.EqualTo("README.md"));
        Assert.That((string?)metadata.Element(Ns + "icon"), Is.EqualTo("icon.png"));
        Assert.That((string?)metadata.Element(Ns + "license"), Is.EqualTo("MIT"));
        Assert.That((string?)metadata.Element(Ns + "version"), Is.EqualTo("$version$"));
        Assert.That((string?)metadata.Element(Ns + "releaseNotes"), Is.EqualTo("$releaseNotes$"));
        Assert.That((string?)metadata.Element(Ns + "projectUrl"), Is.EqualTo("$projectUrl$"));
        var repository = metadata.Element(Ns + "repository")!;
        Assert.That(((string?)repository.Attribute("url"), (string?)repository.Attribute("commit")), Is.EqualTo(("$repositoryUrl$", "$repositoryCommit$")));
    }

    [TestCase("src/NewsIndex/PACKAGE.md")]
    [TestCase("src/NewsIndex.Extensions.DependencyInjection/PACKAGE.md")]
    [TestCase("src/NewsIndex.Cli/PACKAGE.md")]
    public void PackageReadmes_LinkOnlyToAbsoluteUrls(string path)
    {
        var text = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, path));
        var links = System.Text.RegularExpressions.Regex.Matches(text, @"\]\(([^)]+)\)").Select(m => m.Groups[1].Value).ToArray();
        Assert.That(links, Is.Not.Empty);
        Assert.That(links, Has.All.StartWith("https://"), "nuget.org shows the README without the repository: relative links break");
    }

    [Test]
    public void OneVersion_ForLibraryDiPackageAndTool_WithReleaseNotesOfThatVersion()
    {
        var props = XDocument.Load(Path.Combine(TestPaths.RepositoryRoot, "Directory.Build.props"));
        Assert.That(ProjectVersion.Prefix, Does.Match(@"^\d+\.\d+\.\d+$"));
        foreach (var project in Directory.GetFiles(Path.Combine(TestPaths.RepositoryRoot, "src"), "*.csproj", SearchOption.AllDirectories))
        {
            var names = XDocument.Load(project).Descendants().Select(e => e.Name.LocalName).ToArray();
            Assert.That(names, Has.None.AnyOf("Version", "VersionPrefix", "PackageVersion", "AssemblyVersion"), $"{project}: the version is set once, in Directory.Build.props");
        }

        var notes = props.Descendants("PackageReleaseNotes").Single().Value;
        Assert.That(notes, Does.StartWith("$(VersionPrefix): "));
        Assert.That(notes, Does.Not.Contain(";").And.Not.Contain("="), "passed through NuspecProperties");
        var changelog = File.ReadAllLines(Path.Combine(TestPaths.RepositoryRoot, "CHANGELOG.md"));
        Assert.That(changelog.First(l => l.StartsWith("## ", StringComparison.Ordinal)), Is.EqualTo("## " + ProjectVersion.Prefix), "CHANGELOG.md starts with this version's notes");

        var tool = XDocument.Load(Path.Combine(TestPaths.RepositoryRoot, "src", "NewsIndex.Cli", "NewsIndex.Cli.csproj"));
        Assert.That(tool.Descendants("PackAsTool").Single().Value, Is.EqualTo("true"));
        Assert.That(tool.Descendants("ToolCommandName").Single().Value, Is.EqualTo("newsindex"));
        Assert.That(tool.Descendants("IsPackable").Single().Value, Is.EqualTo("true"));
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
