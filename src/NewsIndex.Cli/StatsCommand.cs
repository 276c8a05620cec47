using System.CommandLine;
using System.Globalization;

namespace NewsIndex.Cli;

/// <summary><c>newsindex stats</c>: facts about an index.</summary>
internal static class StatsCommand
{
    public static Command Create()
    {
        var index = CommonOptions.Index();
        var json = CommonOptions.Json();
        var catalog = CommonOptions.Catalog();
        var command = new Command("stats", "Show the article count, size and versions of an index.") { index, json, catalog };
        command.SetAction(result =>
        {
            using var articles = CommonOptions.OpenForReading(result.GetValue(index), result.GetValue(catalog));
            var stats = articles.Stats();
            if (result.GetValue(json))
            {
                JsonOutput.Write(w =>
                {
                    w.WriteStartObject();
                    w.WriteString("location", stats.Location);
                    w.WriteNumber("articles", stats.Articles);
                    w.WriteNumber("deleted", stats.Deleted);
                    w.WriteNumber("segments", stats.Segments);
                    w.WriteNumber("sizeBytes", stats.SizeBytes);
                    w.WriteString("schema", stats.Schema);
                    w.WriteString("catalog", stats.CatalogVersion);
                    w.WriteEndObject();
                });
                return 0;
            }

            if (Terminal.Rich)
            {
                RichViews.Stats(Terminal.Out, stats);
                return 0;
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
                location  {stats.Location}
                articles  {stats.Articles:N0} ({stats.Deleted:N0} deleted, not yet merged away)
                segments  {stats.Segments}
                size      {stats.SizeBytes / 1024.0 / 1024.0:F1} MiB
                schema    {stats.Schema}
                catalog   {stats.CatalogVersion}
                """));
            return 0;
        });
        return command;
    }
}
