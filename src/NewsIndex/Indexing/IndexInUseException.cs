namespace NewsIndex.Indexing;

/// <summary>Another writer (this or another process) holds the index's write lock.</summary>
public sealed class IndexInUseException : NewsIndexException
{
    /// <summary>Creates the exception.</summary>
    public IndexInUseException(string path, Exception? innerException)
        : base($"index at {path} is in use by another writer (its write.lock is held); close the other program, or open it read-only to search", innerException)
    {
        Path = path;
    }

    /// <summary>The index directory.</summary>
    public string Path { get; }
}
