using NewsIndex.Entities;

namespace NewsIndex.Results;

/// <summary>An entity the reports of a story mention, and in how many of them.</summary>
/// <param name="Kind">Country, force or base.</param>
/// <param name="Id">Its catalog id (ISO alpha-2 for countries).</param>
/// <param name="Articles">How many of the story's articles mention it.</param>
public readonly record struct StoryEntity(EntityKind Kind, string Id, int Articles);
