using System.Xml.Linq;

namespace NewsIndex.Tests.Packaging;

/// <summary>The one version of every package: VersionPrefix in Directory.Build.props.</summary>
internal static class ProjectVersion
{
    public static string Prefix { get; } =
        XDocument.Load(Path.Combine(TestPaths.RepositoryRoot, "Directory.Build.props")).Descendants("VersionPrefix").Single().Value;
}
