namespace NewsIndex.Entities;

/// <summary>What the tagger found in one article.</summary>
/// <param name="Mentions">Every mention, in field then offset order.</param>
/// <param name="Mentioned">Every entity mentioned at least once.</param>
/// <param name="About">The prominent entities: what the article is about (title, dateline, lead and frequency), a subset of <paramref name="Mentioned"/>.</param>
public sealed record ArticleEntities(ValueList<EntityMention> Mentions, EntitySet Mentioned, EntitySet About);
