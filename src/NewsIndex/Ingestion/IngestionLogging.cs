using Microsoft.Extensions.Logging;

namespace NewsIndex.Ingestion;

/// <summary>Routes reader errors to an <see cref="ILogger"/>.</summary>
public static class IngestionLogging
{
    /// <summary>
    /// An error callback for <see cref="ArticleReader"/> that logs each unreadable record or source as a warning
    /// (event <c>RecordSkipped</c>, with path, line, kind and reason) and then passes it to <paramref name="next"/>,
    /// if any. Reading goes on after each error.
    /// </summary>
    /// <example><c>await foreach (var a in ArticleReader.ReadAsync(folder, logger.LogSkippedRecords())) { … }</c></example>
    public static Action<IngestionError> LogSkippedRecords(this ILogger logger, Action<IngestionError>? next = null)
    {
        ArgumentNullException.ThrowIfNull(logger);
        return error =>
        {
            ArgumentNullException.ThrowIfNull(error);
            IngestionLog.Skipped(logger, error.Path, error.Line, error.Kind, error.Message);
            next?.Invoke(error);
        };
    }
}
