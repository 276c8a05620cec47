using System.CommandLine;

namespace NewsIndex.Cli;

/// <summary>Options several commands share, and opening the index they name.</summary>
internal static class CommonOptions
{
    public static Option<string?> Index() => new("--index", "-i")
    {
        Description = "Index directory. Default: $NEWSINDEX_INDEX, else the user index in the data directory once `index` has created it, else the bundled seeds index.",
    };

    public static Option<bool> Json() => new("--json")
    {
        Description = "Write one JSON object instead of readable text.",
    };

    /// <summary>Opens the index named by <c>--index</c>, or the default one for reading.</summary>
    public static ArticleIndex OpenForReading(string? path) =>
        path is null ? DefaultIndex.OpenForReading() : ArticleIndex.Open(path, new ArticleIndexOptions { ReadOnly = true });
}
