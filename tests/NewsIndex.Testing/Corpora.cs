namespace NewsIndex.Testing;

/// <summary>Where the benchmark corpora are. Reuters is read from ../shared at run time and never copied into the repo.</summary>
public static class Corpora
{
    /// <summary>Reuters-21578 train split, found by walking up from the current directory to a sibling <c>shared</c> folder.</summary>
    public static string ReutersTrain => Find(Path.Combine("shared", "corpora", "reuters21578", "train.jsonl.gz"))
        ?? throw new FileNotFoundException("Reuters-21578 train.jsonl.gz not found: expected ../shared/corpora/reuters21578/ beside the repository, or set NEWSINDEX_REUTERS");

    /// <summary>True when the Reuters corpus is available.</summary>
    public static bool HasReuters => Find(Path.Combine("shared", "corpora", "reuters21578", "train.jsonl.gz")) is not null;

    /// <summary>Finds <paramref name="relative"/> (e.g. <c>shared/corpora/…</c>) by walking up from the current directory.</summary>
    internal static string? FindShared(string relative)
    {
        for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static string? Find(string relative)
    {
        if (Environment.GetEnvironmentVariable("NEWSINDEX_REUTERS") is { Length: > 0 } fromEnvironment && File.Exists(fromEnvironment))
        {
            return fromEnvironment;
        }

        for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
