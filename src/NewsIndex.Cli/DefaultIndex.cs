using NewsIndex.Entities;
using NewsIndex.Indexing;
using NewsIndex.Ingestion;

namespace NewsIndex.Cli;

/// <summary>
/// Where commands find an index when no <c>--index</c> is given.
/// <list type="bullet">
/// <item>The <b>user index</b> (<c>$NEWSINDEX_INDEX</c>, else <c>index/</c> in the data directory) is where
/// <c>newsindex index</c> writes; read commands use it once it exists.</item>
/// <item>The <b>seeds index</b> holds only the bundled seed articles and is never written by <c>index</c>. Each
/// schema + catalog version gets its own generation folder under <c>seeds-index/</c>, built in a temporary folder and
/// published by atomically replacing a small pointer file, so concurrent readers never see a half-built or deleted
/// index, and two versions of the tool side by side do not rebuild each other's.</item>
/// </list>
/// The data directory is <c>$NEWSINDEX_HOME</c>, else <c>~/.local/share/newsindex</c> (or the platform's equivalent).
/// </summary>
internal static class DefaultIndex
{
    private const int OpenAttempts = 5;

    /// <summary>The per-user data directory.</summary>
    public static string Home
    {
        get
        {
            var home = Environment.GetEnvironmentVariable("NEWSINDEX_HOME");
            return string.IsNullOrWhiteSpace(home)
                ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "newsindex")
                : home;
        }
    }

    /// <summary>The folder holding the seeds index generations.</summary>
    public static string SeedsFolder => Path.Combine(Home, "seeds-index");

    /// <summary>The index <c>newsindex index</c> writes to without <c>--index</c>.</summary>
    public static string UserIndex
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("NEWSINDEX_INDEX");
            return string.IsNullOrWhiteSpace(configured) ? Path.Combine(Home, "index") : Path.GetFullPath(configured);
        }
    }

    /// <summary>The index read commands use: the user index when it exists (or is configured), else the seeds index.</summary>
    /// <param name="catalog">The catalog the index was built with; the seeds index is always built with the bundled one.</param>
    public static ArticleIndex OpenForReading(EntityCatalog? catalog = null)
    {
        catalog ??= EntityCatalog.Default;
        var user = UserIndex;
        if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("NEWSINDEX_INDEX")) || HasIndex(user))
        {
            return ArticleIndex.Open(user, new ArticleIndexOptions { ReadOnly = true, Catalog = catalog });
        }

        if (!ReferenceEquals(catalog, EntityCatalog.Default))
        {
            throw new NewsIndexException($"there is no user index yet ({user}), and the bundled seeds index is built with the bundled catalog only: give the index built with this catalog with --index DIR");
        }

        return OpenSeeds();
    }

    /// <summary>Opens the seeds index read-only, building this version's generation when it is missing or unusable.</summary>
    public static ArticleIndex OpenSeeds()
    {
        var pointer = Path.Combine(SeedsFolder, $"current-{VersionKey}");
        for (var attempt = 1; ; attempt++)
        {
            var generation = ReadPointer(pointer);
            if (generation is not null)
            {
                try
                {
                    return ArticleIndex.Open(generation, new ArticleIndexOptions { ReadOnly = true });
                }
                catch (Exception ex) when (attempt < OpenAttempts && ex is NewsIndexException or IOException)
                {
                    // Replaced or damaged under us: read the pointer again, or rebuild below.
                    if (ReadPointer(pointer) != generation)
                    {
                        continue;
                    }

                    Console.Error.WriteLine($"newsindex: rebuilding the seeds index ({Terminal.Safe(ex.Message)})");
                }
            }

            Build(pointer);
            if (attempt >= OpenAttempts)
            {
                return ArticleIndex.Open(ReadPointer(pointer)!, new ArticleIndexOptions { ReadOnly = true });
            }
        }
    }

    /// <summary>Builds a new seeds generation and publishes it by replacing the pointer file atomically. Readers of the
    /// previous generation keep their open files; the previous folder is left for them (it is small).</summary>
    public static string Build(string? pointer = null)
    {
        pointer ??= Path.Combine(SeedsFolder, $"current-{VersionKey}");
        Directory.CreateDirectory(SeedsFolder);
        var generation = Path.Combine(SeedsFolder, $"{VersionKey}-{Guid.NewGuid():N}");
        var building = Path.Combine(SeedsFolder, $".building-{Environment.ProcessId}-{Guid.NewGuid():N}");
        using (var index = ArticleIndex.Open(building))
        {
            index.IndexAll(SeedCorpus.Articles);
            index.Commit();
        }

        Directory.Move(building, generation);
        var temporaryPointer = $"{pointer}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        File.WriteAllText(temporaryPointer, Path.GetFileName(generation));
        File.Move(temporaryPointer, pointer, overwrite: true); // rename(2): readers see the old name or the new one
        return generation;
    }

    private static string VersionKey => $"s{ArticleIndex.SchemaVersion}-c{Sanitize(EntityCatalogVersion)}";

    private static string EntityCatalogVersion => EntityCatalog.Default.Version;

    private static string? ReadPointer(string pointer)
    {
        try
        {
            var name = File.ReadAllText(pointer).Trim();
            var path = Path.Combine(SeedsFolder, name);
            return name.Length > 0 && name.IndexOfAny(['/', '\\']) < 0 && Directory.Exists(path) ? path : null;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    private static bool HasIndex(string path) =>
        Directory.Exists(path) && Directory.EnumerateFiles(path, "segments_*").Any();

    private static string Sanitize(string text) => new(text.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '_').Take(64).ToArray());
}
