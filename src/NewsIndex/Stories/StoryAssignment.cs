namespace NewsIndex.Stories;

/// <summary>The story an article was assigned to, and why.</summary>
/// <param name="StoryId">The story the article now belongs to.</param>
/// <param name="Match">How it was decided.</param>
/// <param name="MatchedArticleId">The earlier report it matched (for <see cref="StoryMatch.Duplicate"/> and <see cref="StoryMatch.Related"/>).</param>
/// <param name="Score">The similarity to that report: estimated Jaccard for duplicates, the combined similarity for rewrites, 0 otherwise.</param>
/// <param name="PreviousStoryId">For an upsert, the story the article belonged to before (equal to <paramref name="StoryId"/> when it stayed).</param>
public readonly record struct StoryAssignment(string StoryId, StoryMatch Match, string? MatchedArticleId = null, double Score = 0, string? PreviousStoryId = null)
{
    /// <summary>True when an upserted article left the story it was in.</summary>
    public bool Moved => PreviousStoryId is not null && !string.Equals(PreviousStoryId, StoryId, StringComparison.Ordinal);
}
