namespace NewsIndex.Mapping;

/// <summary>The story fields of one article: its story id and its serialised story signature.</summary>
/// <param name="StoryId">The story the article belongs to.</param>
/// <param name="Signature">What story assignment keeps of the article, stored so the assigner can be rebuilt.</param>
internal readonly record struct ArticleStory(string StoryId, byte[] Signature);
