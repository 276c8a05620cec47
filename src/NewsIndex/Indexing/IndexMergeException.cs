namespace NewsIndex.Indexing;

/// <summary>
/// A background merge failed (e.g. the disk filled up). Thrown by <see cref="ArticleIndex.Commit"/> after the commit
/// itself succeeded: no committed article is lost, the unmerged segments stay valid, and merging is retried later.
/// </summary>
public sealed class IndexMergeException : NewsIndexException
{
    /// <summary>Creates the exception.</summary>
    public IndexMergeException(Exception innerException)
        : base($"a background merge failed: {innerException.Message} (the commit succeeded; committed articles are intact and merging will be retried)", innerException)
    {
    }
}
