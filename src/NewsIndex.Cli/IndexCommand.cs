using System.CommandLine;
using System.Globalization;
using NewsIndex.Ingestion;

namespace NewsIndex.Cli;

/// <summary><c>newsindex index</c>: reads articles from files and folders and adds them to an index.</summary>
internal static class IndexCommand
{
    public static Command Create()
    {
        var index = CommonOptions.Index();
        var paths = new Argument<string[]>("PATH") { Description = "A .txt article, a folder of them, or a .jsonl / .jsonl.gz file.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("index", "Add articles to an index (same id: replaced).") { index, paths };
        command.SetAction((result, cancellationToken) =>
        {
            var errors = 0;
            void Report(IngestionError error)
            {
                Interlocked.Increment(ref errors);
                Console.Error.WriteLine($"{(Terminal.ProgressOnStderr ? "\r\u001b[K" : string.Empty)}newsindex: skipped {error}");
            }

            using var articles = CommonOptions.Open(result.GetValue(index), readOnly: false);
            var input = result.GetValue(paths)!.SelectMany(p => ArticleReader.Read(p, Report));
            var progress = new Progress<Indexing.IndexingProgress>(p =>
            {
                if (Terminal.ProgressOnStderr)
                {
                    Console.Error.Write($"\r\u001b[K  indexing… {p.Articles:N0} articles, {p.Characters / 1e6:F1} M chars, {p.ArticlesPerSecond:N0} articles/s");
                }
            });
            var totals = articles.IndexAll(input, progress, cancellationToken);
            articles.Commit();
            if (Terminal.ProgressOnStderr)
            {
                Console.Error.Write("\r\u001b[K");
            }

            var stats = articles.Stats();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"indexed {totals.Articles:N0} articles ({totals.Characters / 1e6:F1} M chars, {totals.Mentions:N0} entity mentions) in {totals.Elapsed.TotalSeconds:F1} s, {totals.ArticlesPerSecond:N0} articles/s; {errors} errors; {stats.Location} now holds {stats.Articles:N0} articles"));
            return Task.FromResult(totals.Articles == 0 && errors > 0 ? 1 : 0);
        });
        return command;
    }
}
