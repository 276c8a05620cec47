using System.CommandLine;
using System.Globalization;

namespace NewsIndex.Cli;

/// <summary><c>newsindex verify</c>: checks an index end to end; exit code 0 when healthy, <see cref="ExitCodes.Damaged"/> when not.</summary>
internal static class VerifyCommand
{
    public static Command Create()
    {
        var index = new Option<string?>("--index", "-i") { Description = "Index directory. Default: $NEWSINDEX_INDEX, else the user index." };
        var json = CommonOptions.Json();
        var catalog = CommonOptions.Catalog();
        var command = new Command("verify", $"Check an index: every segment (checksums, postings, stored fields, doc values), every article, schema and catalog versions. Exit code {ExitCodes.Damaged} when damaged.") { index, json, catalog };
        command.SetAction(result =>
        {
            var report = ArticleIndex.Verify(result.GetValue(index) ?? DefaultIndex.UserIndex, new ArticleIndexOptions { Catalog = CommonOptions.LoadCatalog(result.GetValue(catalog)) });
            if (result.GetValue(json))
            {
                JsonOutput.Write(w =>
                {
                    w.WriteStartObject();
                    w.WriteString("location", report.Location);
                    w.WriteBoolean("healthy", report.Healthy);
                    w.WriteNumber("segments", report.Segments);
                    w.WriteNumber("articles", report.Articles);
                    w.WriteNumber("damagedSegments", report.DamagedSegments);
                    w.WriteNumber("articlesInDamagedSegments", report.ArticlesInDamagedSegments);
                    w.WriteString("schema", report.Schema);
                    w.WriteString("catalog", report.CatalogVersion);
                    if (report.Checkpoint is { } checkpoint)
                    {
                        w.WriteStartObject("checkpoint");
                        w.WriteString("source", checkpoint.Source);
                        w.WriteNumber("position", checkpoint.Position);
                        w.WriteBoolean("completed", checkpoint.Completed);
                        w.WriteEndObject();
                    }

                    w.WriteStartArray("problems");
                    foreach (var problem in report.Problems)
                    {
                        w.WriteStringValue(problem);
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                });
            }
            else
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{(report.Healthy ? "healthy" : "DAMAGED")}: {report.Location}: {report.Articles:N0} articles in {report.Segments} segments, schema {report.Schema}, catalog {report.CatalogVersion}"));
                if (report.Checkpoint is { } checkpoint)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"checkpoint: input article {checkpoint.Position:N0} of {Terminal.Safe(checkpoint.Source)}{(checkpoint.Completed ? " (completed)" : string.Empty)}"));
                }

                foreach (var problem in report.Problems)
                {
                    Console.WriteLine($"  problem: {Terminal.Safe(problem)}");
                }

                if (!report.Healthy && report.DamagedSegments > 0)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"repair with 'newsindex index --repair --index {report.Location} PATH…': it keeps every readable segment and drops {report.DamagedSegments} segment(s) holding {report.ArticlesInDamagedSegments:N0} articles"));
                }
            }

            return report.Healthy ? ExitCodes.Ok : ExitCodes.Damaged;
        });
        return command;
    }
}
