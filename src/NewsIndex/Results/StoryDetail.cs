namespace NewsIndex.Results;

/// <summary>A story and its articles.</summary>
/// <param name="Summary">Size, first and last seen, sources, top entities, representative title.</param>
/// <param name="Articles">Its articles in time order (undated ones last, then by id), without snippets.</param>
public sealed record StoryDetail(StorySummary Summary, ValueList<SearchHit> Articles);
