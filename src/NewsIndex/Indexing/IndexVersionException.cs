namespace NewsIndex.Indexing;

/// <summary>The index was written by an incompatible NewsIndex schema or with another entity catalog; it is refused
/// rather than misread.</summary>
public sealed class IndexVersionException : NewsIndexException
{
    /// <summary>Creates the exception.</summary>
    public IndexVersionException(string message) : base(message)
    {
    }
}
