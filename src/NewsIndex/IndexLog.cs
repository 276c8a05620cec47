using Microsoft.Extensions.Logging;

namespace NewsIndex;

/// <summary>Log messages of <see cref="ArticleIndex"/> (source-generated: no formatting or boxing when the level is off).</summary>
internal static partial class IndexLog
{
    [LoggerMessage(EventId = 1, EventName = "MergeFailed", Level = LogLevel.Error,
        Message = "A background merge failed in {Location}; the next commit will throw it as an IndexMergeException")]
    public static partial void MergeFailed(ILogger logger, string location, Exception exception);

    [LoggerMessage(EventId = 2, EventName = "Committed", Level = LogLevel.Information,
        Message = "Committed {Location}: {Articles} articles, in {ElapsedMs:0.#} ms")]
    public static partial void Committed(ILogger logger, string location, int articles, double elapsedMs);

    [LoggerMessage(EventId = 3, EventName = "CommitFailed", Level = LogLevel.Error,
        Message = "Commit of {Location} failed after {ElapsedMs:0.#} ms")]
    public static partial void CommitFailed(ILogger logger, string location, double elapsedMs, Exception exception);

    [LoggerMessage(EventId = 4, EventName = "Indexed", Level = LogLevel.Information,
        Message = "Indexed {Articles} articles ({Characters} characters, {Mentions} entity mentions) into {Location} in {ElapsedMs:0} ms ({ArticlesPerSecond:0} articles/s), not yet committed")]
    public static partial void Indexed(ILogger logger, long articles, long characters, long mentions, string location, double elapsedMs, double articlesPerSecond);

    [LoggerMessage(EventId = 5, EventName = "IndexingFailed", Level = LogLevel.Error,
        Message = "Indexing into {Location} stopped after {ElapsedMs:0} ms")]
    public static partial void IndexingFailed(ILogger logger, string location, double elapsedMs, Exception exception);

    [LoggerMessage(EventId = 6, EventName = "SlowQuery", Level = LogLevel.Warning,
        Message = "Slow search on {Location}: {Query} took {ElapsedMs:0.#} ms ({Total} hits)")]
    public static partial void SlowQuery(ILogger logger, string location, string query, double elapsedMs, int total);
}
