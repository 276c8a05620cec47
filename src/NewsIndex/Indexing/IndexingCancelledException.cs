namespace NewsIndex.Indexing;

/// <summary>
/// A bulk indexing run was cancelled. Reading stopped at once; when the run commits periodically
/// (<see cref="IndexingOptions.CommitEvery"/> or <see cref="IndexingOptions.CommitInterval"/>) everything added before
/// the cancellation was committed first, and <see cref="Progress"/> says how much that is.
/// </summary>
public sealed class IndexingCancelledException : OperationCanceledException
{
    /// <summary>Creates the exception.</summary>
    public IndexingCancelledException(IndexingProgress progress, CancellationToken cancellationToken)
        : base($"indexing was cancelled after {progress.Articles:N0} articles; {progress.Committed:N0} of them are committed", cancellationToken)
    {
        Progress = progress;
    }

    /// <summary>The totals of the run when it stopped.</summary>
    public IndexingProgress Progress { get; }
}
