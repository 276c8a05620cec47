using System.CommandLine;
using NewsIndex.Results;

namespace NewsIndex.Cli;

/// <summary><c>newsindex export [QUERY]</c>: every article, or every article matching a query, as JSON Lines.</summary>
internal static class ExportCommand
{
    /// <summary>Hits fetched per page while walking a query's matches.</summary>
    private const int PageSize = 1000;

    public static Command Create()
    {
        var index = CommonOptions.Index();
        var catalog = CommonOptions.Catalog();
        var query = CommonOptions.Query("Export only the articles matching this query (newest first); without one, every article in index order.", optional: true);
        var command = new Command("export", "Write articles as JSON Lines on stdout (fields of a hit, plus body and mentions).") { index, catalog, query };
        command.SetAction(result =>
        {
            using var articles = CommonOptions.OpenForReading(result.GetValue(index), result.GetValue(catalog));
            var text = CommonOptions.QueryText(result, query);
            foreach (var stored in text is null ? articles.All() : Matching(articles, text))
            {
                JsonOutput.Write(w => JsonOutput.Article(w, stored, withText: true), indented: false);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Pages through every match in date order (exact under concurrent writes) and reads each article whole.</summary>
    private static IEnumerable<Mapping.StoredArticle> Matching(ArticleIndex articles, string query)
    {
        var options = new SearchOptions { Size = PageSize, Sort = SortOrder.Date, Snippets = false, Why = false };
        for (string? cursor = null; ;)
        {
            var page = articles.Search(query, options with { Cursor = cursor });
            foreach (var hit in page.Hits)
            {
                // Deleted since the page was read: nothing to export.
                if (articles.Get(hit.Id) is { } stored)
                {
                    yield return stored;
                }
            }

            if ((cursor = page.NextCursor) is null)
            {
                yield break;
            }
        }
    }
}
