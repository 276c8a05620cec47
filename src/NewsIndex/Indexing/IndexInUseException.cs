namespace NewsIndex.Indexing;

/// <summary>Another writer (in this or another process) holds the index. Only one writer per index is allowed; any
/// number of read-only openers may share it.</summary>
public sealed class IndexInUseException : NewsIndexException
{
    /// <summary>Creates the exception.</summary>
    public IndexInUseException(string path, Exception? innerException)
        : this(path, null, innerException)
    {
    }

    /// <summary>Creates the exception naming the process that holds the index, when known.</summary>
    public IndexInUseException(string path, int? holderProcessId, Exception? innerException)
        : base($"index at {path} is in use by another writer{(holderProcessId is { } pid ? $" (process {pid})" : string.Empty)}; wait for it to finish or stop it, or open the index read-only to search", innerException)
    {
        Path = path;
        HolderProcessId = holderProcessId;
    }

    /// <summary>The index directory.</summary>
    public string Path { get; }

    /// <summary>The process id of the writer holding the index, when it could be determined.</summary>
    public int? HolderProcessId { get; }
}
