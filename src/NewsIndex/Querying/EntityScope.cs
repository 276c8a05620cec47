namespace NewsIndex.Querying;

/// <summary>Whether an entity clause matches every article that mentions the entity, or only those about it.</summary>
public enum EntityScope
{
    /// <summary>Articles that mention the entity at least once; articles about it rank higher. Syntax <c>country:NE</c>.</summary>
    Mentions,

    /// <summary>Articles whose prominent entities include it (headline, dateline, lead, frequency). Syntax <c>about:NE</c>.</summary>
    About,
}
