namespace NewsIndex.Indexing;

/// <summary>
/// A bulk indexing run stopped because writing failed (a writer thread's error, a full disk, a failed commit). The
/// run's reading and writer threads have all stopped when this is thrown. The index holds its last commit
/// (<see cref="Progress"/>'s <see cref="IndexingProgress.Committed"/> says how far that reached); changes added after it
/// are not durable.
/// </summary>
public sealed class IndexingFailedException : NewsIndexException
{
    /// <summary>Creates the exception.</summary>
    public IndexingFailedException(string location, string? articleId, IndexingProgress progress, Exception innerException)
        : base($"indexing into {location} failed{(articleId is null ? string.Empty : $" at article \"{Shorten(articleId)}\"")}: {innerException.Message} " +
               $"({progress.Committed:N0} articles of this run were committed and are safe; {progress.Articles - progress.Committed:N0} added after the last commit are not)", innerException)
    {
        Location = location;
        ArticleId = articleId;
        Progress = progress;
    }

    /// <summary>The index directory, or <c>(memory)</c>.</summary>
    public string Location { get; }

    /// <summary>The id of the article being written when the failure happened, when it was one article's.</summary>
    public string? ArticleId { get; }

    /// <summary>The totals of the run when it stopped.</summary>
    public IndexingProgress Progress { get; }

    private static string Shorten(string id) => id.Length <= 120 ? id : $"{id[..120]}… ({id.Length:N0} chars)";
}
