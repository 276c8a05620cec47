namespace NewsIndex.Ingestion;

/// <summary>A record that could not be read. Reading goes on with the next record (or the next source).</summary>
/// <param name="Path">The file (or stream name) the record came from.</param>
/// <param name="Line">1-based line of the record (JSON Lines, feed items) or of the first bad byte (text files); 0 when
/// the whole file is at fault.</param>
/// <param name="Message">What is wrong, in words a user can act on.</param>
public sealed record IngestionError(string Path, int Line, string Message)
{
    /// <summary>What kind of problem this is; <see cref="IngestionErrorKind.Other"/> when not classified.</summary>
    public IngestionErrorKind Kind { get; init; }

    /// <inheritdoc />
    public override string ToString() => Line > 0 ? $"{Path}:{Line}: {Message}" : $"{Path}: {Message}";
}
