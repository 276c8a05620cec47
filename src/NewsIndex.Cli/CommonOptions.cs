using System.CommandLine;
using NewsIndex.Entities;

namespace NewsIndex.Cli;

/// <summary>Options several commands share, and opening the index and catalog they name.</summary>
internal static class CommonOptions
{
    /// <summary>The environment variable <c>--catalog</c> defaults to.</summary>
    public const string CatalogVariable = "NEWSINDEX_CATALOG";

    public static Option<string?> Index() => new("--index", "-i")
    {
        Description = "Index directory. Default: $NEWSINDEX_INDEX, else the user index in the data directory once `index` has created it, else the bundled seeds index.",
    };

    public static Option<bool> Json() => new("--json")
    {
        Description = "Write one JSON object instead of readable text.",
    };

    public static Option<string?> Catalog() => new("--catalog")
    {
        Description = $"Entity catalog file (JSON, the catalog format) added to the bundled catalog, as EntityCatalog.WithFile does: give the one the index was built with. Default: ${CatalogVariable}.",
    };

    /// <summary>The query as words: <c>newsindex search force:Wagner niger</c> is the query <c>force:Wagner niger</c>.</summary>
    /// <remarks>A word starting with <c>-</c> is a negation (<c>wagner -country:Mali</c>), but one starting with <c>--</c>
    /// is a mistyped option, not a query word.</remarks>
    public static Argument<string[]> Query(string description, bool optional = false)
    {
        var query = new Argument<string[]>("QUERY")
        {
            Description = $"{description} Several words are joined with spaces into one query.",
            Arity = optional ? ArgumentArity.ZeroOrMore : ArgumentArity.OneOrMore,
        };
        query.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => t.Value.StartsWith("--", StringComparison.Ordinal) && t.Value.Length > 2))
            {
                result.AddError($"unknown option {token.Value}");
            }
        });
        return query;
    }

    /// <summary>The words of <paramref name="query"/> joined into one query string; null when none were given.</summary>
    public static string? QueryText(ParseResult result, Argument<string[]> query) =>
        result.GetValue(query) is { Length: > 0 } words ? string.Join(' ', words) : null;

    /// <summary>The catalog named by <c>--catalog</c> (or <c>$NEWSINDEX_CATALOG</c>), else the bundled one.</summary>
    public static EntityCatalog LoadCatalog(string? file)
    {
        file ??= Environment.GetEnvironmentVariable(CatalogVariable) is { Length: > 0 } configured ? configured : null;
        return file is null ? EntityCatalog.Default : EntityCatalog.Default.WithFile(file);
    }

    /// <summary>Opens the index named by <c>--index</c>, or the default one, for reading with the catalog of <c>--catalog</c>.</summary>
    public static ArticleIndex OpenForReading(string? path, string? catalogFile)
    {
        var catalog = LoadCatalog(catalogFile);
        return path is null
            ? DefaultIndex.OpenForReading(catalog)
            : ArticleIndex.Open(path, new ArticleIndexOptions { ReadOnly = true, Catalog = catalog });
    }
}
