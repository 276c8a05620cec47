namespace NewsIndex.Indexing;

/// <summary>
/// Writing to the index failed (e.g. the disk is full or the directory is no longer writable). The last commit is
/// intact on disk; changes since it may be lost. A failure that may have discarded buffered changes (any write
/// failure that is not about one document) also ends writing through this instance: every later change and commit
/// throws this too, so nothing acknowledged is committed as lost without a word. Dispose the index and open it again.
/// </summary>
public sealed class IndexWriteException : NewsIndexException
{
    /// <summary>Creates the exception.</summary>
    public IndexWriteException(string location, string operation, Exception innerException)
        : base($"{operation} failed for the index at {location}: {innerException.Message} (the last commit is intact; changes since it may be lost)", innerException)
    {
        Location = location;
    }

    /// <summary>The index directory, or <c>(memory)</c>.</summary>
    public string Location { get; }
}
