using NewsIndex.Entities;
using NewsIndex.Ingestion;

namespace NewsIndex.Testing.Synthetic;

/// <summary>A generated article and the entities it was written to mention (the ground truth).</summary>
/// <param name="Article">The article.</param>
/// <param name="Truth">Every country, force and base the generator put into its text.</param>
public sealed record SyntheticArticle(Article Article, EntitySet Truth);
