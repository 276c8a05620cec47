namespace NewsIndex.Indexing;

/// <summary>Progress of a bulk indexing run, reported about ten times a second and once at the end.</summary>
/// <param name="Articles">Articles added so far (visible to searches; durable once committed).</param>
/// <param name="Characters">Characters of text (title, dateline, body) indexed so far.</param>
/// <param name="Mentions">Entity mentions found so far.</param>
/// <param name="Elapsed">Time since the run started.</param>
public sealed record IndexingProgress(long Articles, long Characters, long Mentions, TimeSpan Elapsed)
{
    /// <summary>Articles of this run held by the last commit (durable: they survive a crash). Always at most
    /// <see cref="Articles"/>; 0 unless the run commits (<see cref="IndexingOptions.CommitEvery"/>).</summary>
    public long Committed { get; init; }

    /// <summary>Articles skipped because the checkpoint being resumed already held them.</summary>
    public long Skipped { get; init; }

    /// <summary>Articles per second so far.</summary>
    public double ArticlesPerSecond => Elapsed.TotalSeconds > 0 ? Articles / Elapsed.TotalSeconds : 0;
}
