namespace NewsIndex.Entities;

/// <summary>One place in a text where an entity is mentioned.</summary>
/// <param name="Kind">The entity's kind.</param>
/// <param name="Id">The entity's canonical id.</param>
/// <param name="Text">The surface text as it appears (e.g. <c>Niger’s</c> gives <c>Niger</c>; <c>U.S.</c> stays <c>U.S.</c>).</param>
/// <param name="Start">Offset of the first character, in UTF-16 code units.</param>
/// <param name="End">Offset just past the last character.</param>
/// <param name="Field">The article field the offsets refer to.</param>
/// <param name="Implied">True when the text names something inside the entity rather than the entity itself (a region
/// such as "Lower Juba" implies Somalia): the mention counts for filters, but weighs little in what an article is about.</param>
public readonly record struct EntityMention(EntityKind Kind, string Id, string Text, int Start, int End, ArticleField Field = ArticleField.Body, bool Implied = false)
{
    /// <summary>Length in UTF-16 code units.</summary>
    public int Length => End - Start;
}
