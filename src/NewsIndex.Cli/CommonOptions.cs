using System.CommandLine;
using NewsIndex.Indexing;
using NewsIndex.Mapping;

namespace NewsIndex.Cli;

/// <summary>Options several commands share, and opening the index they name.</summary>
internal static class CommonOptions
{
    public static Option<string?> Index() => new("--index", "-i")
    {
        Description = "Index directory. Default: the bundled seeds index in the per-user data directory (built on first use).",
    };

    public static Option<bool> Json() => new("--json")
    {
        Description = "Write one JSON object instead of readable text.",
    };

    public static ArticleIndex Open(string? path, bool readOnly) =>
        path is null ? DefaultIndex.Open(readOnly) : ArticleIndex.Open(path, new ArticleIndexOptions { ReadOnly = readOnly });
}
