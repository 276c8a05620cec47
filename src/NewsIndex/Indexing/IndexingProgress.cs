namespace NewsIndex.Indexing;

/// <summary>Progress of a bulk indexing run, reported about ten times a second and once at the end.</summary>
/// <param name="Articles">Articles indexed so far.</param>
/// <param name="Characters">Characters of text (title, dateline, body) indexed so far.</param>
/// <param name="Mentions">Entity mentions found so far.</param>
/// <param name="Elapsed">Time since the run started.</param>
public sealed record IndexingProgress(long Articles, long Characters, long Mentions, TimeSpan Elapsed)
{
    /// <summary>Articles per second so far.</summary>
    public double ArticlesPerSecond => Elapsed.TotalSeconds > 0 ? Articles / Elapsed.TotalSeconds : 0;
}
