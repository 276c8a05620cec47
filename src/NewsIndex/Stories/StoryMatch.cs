namespace NewsIndex.Stories;

/// <summary>Why an article got its story.</summary>
public enum StoryMatch
{
    /// <summary>Nothing close enough: the article starts a story.</summary>
    New,

    /// <summary>The same text was already assigned under this id: it keeps its story.</summary>
    Unchanged,

    /// <summary>A near-duplicate (syndicated copy) of an earlier report: most MinHash bands of the bodies agree.</summary>
    Duplicate,

    /// <summary>A rewrite of an earlier report: similar title and lead, shared entities, within the time window.</summary>
    Related,
}
