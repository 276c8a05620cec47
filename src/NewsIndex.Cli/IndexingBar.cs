using System.Globalization;
using NewsIndex.Indexing;
using NewsIndex.Ingestion;
using Spectre.Console;

namespace NewsIndex.Cli;

/// <summary>The <c>index</c> command's live progress on a terminal's stderr (Spectre.Console): percentage and time left
/// from the bytes read against the inputs' size when it is known, with added/committed counts and the rate.</summary>
internal static class IndexingBar
{
    /// <param name="read">Counts the bytes the readers consumed (<see cref="IngestionStats.BytesRead"/>).</param>
    /// <param name="totalBytes">The inputs' size; 0 when unknown (the bar then only shows activity).</param>
    /// <param name="index">Runs the indexing, reporting through the action it is given (on the calling thread).</param>
    public static IndexingProgress Run(IngestionStats read, long totalBytes, Func<Action<IndexingProgress>, IndexingProgress> index)
    {
        IndexingProgress? result = null;
        Terminal.Err.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var task = context.AddTask("indexing…", maxValue: Math.Max(totalBytes, 1));
                task.IsIndeterminate = totalBytes <= 0;
                result = index(p =>
                {
                    if (totalBytes > 0)
                    {
                        // The readers run ahead of the writers by a bounded buffer: count the bytes read in the share of
                        // the articles read so far that has been indexed.
                        var articlesRead = read.Articles;
                        var indexed = articlesRead == 0 ? 0 : Math.Min(1.0, (double)(p.Articles + p.Skipped) / articlesRead);
                        task.Value = Math.Min(read.BytesRead * indexed, totalBytes);
                    }

                    task.Description = string.Create(CultureInfo.InvariantCulture,
                        $"indexing: {p.Articles:N0} added, {p.Committed:N0} committed{(p.Skipped > 0 ? $", {p.Skipped:N0} skipped (resumed)" : string.Empty)}, {p.ArticlesPerSecond:N0}/s");
                });
                task.Value = task.MaxValue;
            });
        return result!;
    }
}
