using NewsIndex.Entities;
using NewsIndex.Ingestion;

namespace NewsIndex.Mapping;

/// <summary>An article as stored in an index, with the entities found when it was indexed.</summary>
/// <param name="Article">The article's fields.</param>
/// <param name="Entities">Its mentions, mentioned set and about set.</param>
public sealed record StoredArticle(Article Article, ArticleEntities Entities)
{
    /// <summary>The story the article was assigned to when it was indexed; null when the index assigns no stories.</summary>
    public string? Story { get; init; }
}
