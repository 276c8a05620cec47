namespace NewsIndex.Indexing;

/// <summary>
/// The index's files are damaged (a checksum mismatch, a truncated or unreadable file). Nothing damaged is served:
/// the operation that met it fails with this. Run <c>newsindex verify --index DIR</c> to see what is affected, and
/// <c>newsindex index --repair --index DIR</c> (or <see cref="ArticleIndex.Repair"/>) to keep every readable segment and
/// drop the rest, then re-index the dropped articles.
/// </summary>
public sealed class IndexCorruptException : NewsIndexException
{
    /// <summary>Creates the exception.</summary>
    public IndexCorruptException(string location, string operation, Exception innerException)
        : base($"the index at {location} is damaged ({operation}: {innerException.GetType().Name}: {innerException.Message}); " +
               $"run 'newsindex verify --index {location}' to see what is affected, and 'newsindex index --repair --index {location}' to keep every readable segment", innerException)
    {
        Location = location;
    }

    /// <summary>The index directory, or <c>(memory)</c>.</summary>
    public string Location { get; }
}
