using NewsIndex.Entities;

namespace NewsIndex.Results;

/// <summary>One piece of evidence for why an article matched: an alias of a queried entity, or a query word, and where it is.</summary>
/// <param name="Clause">The query clause it satisfies, in query syntax (e.g. <c>country:Niger</c>).</param>
/// <param name="EntityId">The entity matched, for entity clauses.</param>
/// <param name="Text">The text as it appears in the article (e.g. <c>Nigerien</c>).</param>
/// <param name="Field">Title, dateline or body.</param>
/// <param name="Start">Offset of the text in that field.</param>
/// <param name="End">Offset just past it.</param>
public sealed record MatchReason(string Clause, string? EntityId, string Text, ArticleField Field, int Start, int End)
{
    /// <inheritdoc />
    public override string ToString() => $"{Clause}: \"{Text}\" ({Field.ToString().ToLowerInvariant()} {Start}-{End}){(EntityId is null ? string.Empty : " → " + EntityId)}";
}
