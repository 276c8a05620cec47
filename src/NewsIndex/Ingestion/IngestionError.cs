namespace NewsIndex.Ingestion;

/// <summary>A record that could not be read. Reading goes on with the next record.</summary>
/// <param name="Path">The file the record came from.</param>
/// <param name="Line">1-based line of the record (JSON Lines) or of the first bad byte (text files); 0 when the whole file is at fault.</param>
/// <param name="Message">What is wrong, in words a user can act on.</param>
public sealed record IngestionError(string Path, int Line, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Line > 0 ? $"{Path}:{Line}: {Message}" : $"{Path}: {Message}";
}
