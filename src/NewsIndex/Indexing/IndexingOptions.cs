namespace NewsIndex.Indexing;

/// <summary>How a bulk indexing run commits and resumes (<see cref="ArticleIndex.IndexAll(IEnumerable{NewsIndex.Ingestion.Article}, IndexingOptions, IProgress{IndexingProgress}?, CancellationToken)"/>).</summary>
public sealed record IndexingOptions
{
    /// <summary>No periodic commits, no checkpoint, no resume: the caller commits.</summary>
    public static IndexingOptions Default { get; } = new();

    /// <summary>Commit after every this many articles are added, each commit recording a checkpoint. Default 0: off.</summary>
    public int CommitEvery { get; init; }

    /// <summary>Commit at least this often while articles are being added. Default <see cref="TimeSpan.Zero"/>: off.</summary>
    public TimeSpan CommitInterval { get; init; }

    /// <summary>The identity of the input, recorded in each checkpoint and compared by <see cref="Resume"/>. Default null:
    /// no checkpoint is recorded.</summary>
    public string? Source { get; init; }

    /// <summary>Skip the articles the last committed checkpoint of the same <see cref="Source"/> already holds (they are
    /// read again, not indexed again). A checkpoint of another source is refused with <see cref="NewsIndexException"/>.
    /// Default false.</summary>
    public bool Resume { get; init; }

    /// <summary>True when the run commits on its own.</summary>
    public bool CommitsPeriodically => CommitEvery > 0 || CommitInterval > TimeSpan.Zero;
}
