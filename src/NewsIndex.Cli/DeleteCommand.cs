using System.CommandLine;
using System.Globalization;

namespace NewsIndex.Cli;

/// <summary><c>newsindex delete ID…</c>: removes articles by id and commits; names the ids the index did not hold.</summary>
internal static class DeleteCommand
{
    public static Command Create()
    {
        var index = new Option<string?>("--index", "-i")
        {
            Description = "Index directory. Default: $NEWSINDEX_INDEX, else the user index in the data directory (never the bundled seeds index).",
        };
        var catalog = CommonOptions.Catalog();
        var ids = new Argument<string[]>("ID") { Description = "Article ids to delete.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("delete", $"Delete articles by id and commit. Exit code {ExitCodes.NotFound} when some id was not in the index (the others are deleted).") { index, catalog, ids };
        command.SetAction(result =>
        {
            var path = Path.GetFullPath(result.GetValue(index) ?? DefaultIndex.UserIndex);
            if (!Directory.Exists(path) || !Directory.EnumerateFiles(path, "segments_*").Any())
            {
                return ExitCodes.Fail(ExitCodes.Error, $"no index at {path}");
            }

            using var articles = ArticleIndex.Open(path, new ArticleIndexOptions { Catalog = CommonOptions.LoadCatalog(result.GetValue(catalog)) });
            var missing = new List<string>();
            var deleted = 0;
            foreach (var id in result.GetValue(ids)!.Distinct(StringComparer.Ordinal))
            {
                if (string.IsNullOrWhiteSpace(id) || articles.Get(id) is null)
                {
                    missing.Add(id);
                    continue;
                }

                articles.Delete(id);
                deleted++;
            }

            articles.Commit();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"deleted {deleted:N0} article{(deleted == 1 ? string.Empty : "s")} from {articles.Location}"));
            return missing.Count == 0
                ? ExitCodes.Ok
                : ExitCodes.Fail(ExitCodes.NotFound, $"not found in {articles.Location}: {string.Join(", ", missing.Select(m => $"\"{m}\""))}");
        });
        return command;
    }
}
