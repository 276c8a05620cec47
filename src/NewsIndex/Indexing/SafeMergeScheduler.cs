using Lucene.Net.Index;

namespace NewsIndex.Indexing;

/// <summary>
/// A <see cref="ConcurrentMergeScheduler"/> that records a failed background merge instead of rethrowing it on the
/// merge thread, where it would be unhandled and end the process. The index stays as it was before the merge
/// (merges only ever add a merged copy); the error is surfaced by <see cref="ArticleIndex"/>.
/// </summary>
internal sealed class SafeMergeScheduler : ConcurrentMergeScheduler
{
    private Exception? _failure;

    public event Action<Exception>? Failed;

    /// <summary>Merge threads alive now.</summary>
    public int RunningMerges => MergeThreadCount;

    /// <summary>Returns and clears the failure recorded since the last call.</summary>
    public Exception? TakeFailure() => Interlocked.Exchange(ref _failure, null);

    protected override void HandleMergeException(Exception exc)
    {
        // Report first, record second: once a Commit sees the failure, its event (and log line) has been raised.
        try
        {
            Failed?.Invoke(exc);
        }
        finally
        {
            Interlocked.Exchange(ref _failure, exc);
        }
    }
}
