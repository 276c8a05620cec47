using System.CommandLine;
using System.Globalization;

namespace NewsIndex.Cli;

/// <summary><c>newsindex related</c>: articles like a given one.</summary>
internal static class RelatedCommand
{
    public static Command Create()
    {
        var index = CommonOptions.Index();
        var json = CommonOptions.Json();
        var catalog = CommonOptions.Catalog();
        var size = new Option<int>("--size", "-n") { Description = "How many.", DefaultValueFactory = _ => 10 };
        var id = new Argument<string>("ID") { Description = "Article id." };
        var command = new Command("related", "List articles related to one article (shared words and entities).") { index, json, size, catalog, id };
        command.SetAction(result =>
        {
            using var articles = CommonOptions.OpenForReading(result.GetValue(index), result.GetValue(catalog));
            var articleId = result.GetValue(id)!;
            if (articles.Get(articleId) is null)
            {
                return ExitCodes.Fail(ExitCodes.NotFound, $"no article with id \"{articleId}\" in {articles.Location}");
            }

            var hits = articles.Related(articleId, result.GetValue(size));
            if (result.GetValue(json))
            {
                JsonOutput.Write(w => JsonOutput.Results(w, new Results.SearchResults { Query = $"related:{articleId}", Total = hits.Count, Hits = ValueList.From(hits) }));
                return 0;
            }

            if (Terminal.Rich)
            {
                RichViews.Related(Terminal.Out, hits);
                return 0;
            }

            foreach (var hit in hits)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{hit.Score,7:F2}  {Terminal.Safe(hit.Id)}  {Terminal.Safe(hit.Title)}"));
            }

            return 0;
        });
        return command;
    }
}
