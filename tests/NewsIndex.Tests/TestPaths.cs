namespace NewsIndex.Tests;

/// <summary>Locations of repository files the tests read.</summary>
internal static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Seeds => Path.Combine(RepositoryRoot, "seeds");

    public static string Readme => Path.Combine(RepositoryRoot, "README.md");

    public static string Nuspec => Path.Combine(RepositoryRoot, "NewsIndex.nuspec");

    public static string PackagesProps => Path.Combine(RepositoryRoot, "Directory.Packages.props");

    /// <summary>A fresh directory under the test run's temp folder, deleted when the run ends.</summary>
    public static string NewTempDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "newsindex-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "NewsIndex.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("repository root (NewsIndex.sln) not found above " + AppContext.BaseDirectory);
    }
}
