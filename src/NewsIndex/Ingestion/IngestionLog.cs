using Microsoft.Extensions.Logging;

namespace NewsIndex.Ingestion;

/// <summary>Log messages of the readers (source-generated: no formatting or boxing when the level is off).</summary>
internal static partial class IngestionLog
{
    [LoggerMessage(EventId = 100, EventName = "RecordSkipped", Level = LogLevel.Warning,
        Message = "Skipped a record of {Path} (line {Line}, {Kind}): {Reason}")]
    public static partial void Skipped(ILogger logger, string path, int line, IngestionErrorKind kind, string reason);
}
