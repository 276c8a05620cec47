namespace NewsIndex.Ingestion;

/// <summary>Which exceptions end one source (and not the run), and how they read as an <see cref="IngestionError"/>.</summary>
internal static class StreamErrors
{
    /// <summary>Bad compressed data, I/O failures and permission errors while reading a source.</summary>
    public static bool IsStreamError(Exception ex) => ex is InvalidDataException or IOException or UnauthorizedAccessException;

    public static IngestionError ToError(string sourceName, Exception ex) =>
        ex is EndlessFileException ? new IngestionError(sourceName, 0, $"not a regular file, the rest is skipped: {ex.Message}") { Kind = IngestionErrorKind.NotARegularFile }
        : ex is InvalidDataException ? new IngestionError(sourceName, 0, $"corrupt compressed data, the rest of this file is skipped: {ex.Message}") { Kind = IngestionErrorKind.CorruptStream }
        : new IngestionError(sourceName, 0, $"cannot read, the rest of this file is skipped: {ex.Message}") { Kind = IngestionErrorKind.Unreadable };
}
