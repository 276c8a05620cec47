using NewsIndex.Indexing;
using NewsIndex.Mapping;
using NewsIndex.Ingestion;

namespace NewsIndex.Cli;

/// <summary>
/// The index used when no <c>--index</c> is given: the bundled seed articles, built on first use in a per-user data
/// directory (<c>$NEWSINDEX_HOME</c>, else <c>~/.local/share/newsindex</c> or the platform's equivalent). It is built in
/// a temporary directory and moved into place, so concurrent first runs cannot see a half-built index, and rebuilt
/// when this version's schema or catalog differs from the one that built it.
/// </summary>
internal static class DefaultIndex
{
    public static string Directory
    {
        get
        {
            var home = Environment.GetEnvironmentVariable("NEWSINDEX_HOME");
            if (string.IsNullOrWhiteSpace(home))
            {
                home = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "newsindex");
            }

            return Path.Combine(home, "seeds-index");
        }
    }

    /// <summary>Opens the default index, building or rebuilding it from the seeds when needed.</summary>
    public static ArticleIndex Open(bool readOnly)
    {
        var path = Directory;
        if (!System.IO.Directory.Exists(path))
        {
            Build(path);
        }

        try
        {
            return ArticleIndex.Open(path, new ArticleIndexOptions { ReadOnly = readOnly });
        }
        catch (IndexVersionException ex)
        {
            Console.Error.WriteLine($"newsindex: rebuilding the default seeds index ({ex.Message})");
            System.IO.Directory.Delete(path, recursive: true);
            Build(path);
            return ArticleIndex.Open(path, new ArticleIndexOptions { ReadOnly = readOnly });
        }
    }

    private static void Build(string path)
    {
        var parent = Path.GetDirectoryName(path)!;
        System.IO.Directory.CreateDirectory(parent);
        var temporary = Path.Combine(parent, $".seeds-index-{Environment.ProcessId}-{Guid.NewGuid():N}");
        using (var index = ArticleIndex.Open(temporary))
        {
            index.IndexAll(SeedCorpus.Articles);
            index.Commit();
        }

        try
        {
            System.IO.Directory.Move(temporary, path);
        }
        catch (IOException) when (System.IO.Directory.Exists(path))
        {
            System.IO.Directory.Delete(temporary, recursive: true); // another process won the race; use its index
        }
    }
}
