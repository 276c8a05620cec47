using System.CommandLine;
using System.Globalization;

namespace NewsIndex.Cli;

/// <summary><c>newsindex show</c>: one article with every entity mention.</summary>
internal static class ShowCommand
{
    public static Command Create()
    {
        var index = CommonOptions.Index();
        var json = CommonOptions.Json();
        var catalog = CommonOptions.Catalog();
        var id = new Argument<string>("ID") { Description = "Article id (file name without extension, or the JSON Lines id)." };
        var command = new Command("show", "Show one article and all its entity mentions.") { index, json, catalog, id };
        command.SetAction(result =>
        {
            using var articles = CommonOptions.OpenForReading(result.GetValue(index), result.GetValue(catalog));
            var stored = articles.Get(result.GetValue(id)!);
            if (stored is null)
            {
                return ExitCodes.Fail(ExitCodes.NotFound, $"no article with id \"{result.GetValue(id)}\" in {articles.Location}");
            }

            if (result.GetValue(json))
            {
                JsonOutput.Write(w => JsonOutput.Article(w, stored, withText: true));
                return 0;
            }

            var article = stored.Article;
            Console.WriteLine(Terminal.Bold(article.Title.Length > 0 ? Terminal.Safe(article.Title) : "(untitled)"));
            Console.WriteLine(Terminal.Dim(Terminal.Safe(string.Join(" · ", new[] { article.Id, article.Published?.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture), article.Source, article.Dateline, string.Join(", ", article.Authors) }.Where(x => !string.IsNullOrEmpty(x))))));
            Console.WriteLine();
            Console.WriteLine(Terminal.Safe(article.Body, keepLines: true));
            Console.WriteLine();
            Console.WriteLine($"{Terminal.Bold("about:")}     {stored.Entities.About}");
            Console.WriteLine($"{Terminal.Bold("mentioned:")} {stored.Entities.Mentioned}");
            Console.WriteLine(Terminal.Bold("mentions:"));
            foreach (var m in stored.Entities.Mentions)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {m.Kind.ToString().ToLowerInvariant(),-8}{m.Id,-22}{m.Field.ToString().ToLowerInvariant(),-9}{m.Start,6}-{m.End,-6} {Terminal.Safe(m.Text)}"));
            }

            return 0;
        });
        return command;
    }
}
