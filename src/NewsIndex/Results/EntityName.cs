using NewsIndex.Entities;

namespace NewsIndex.Results;

/// <summary>An entity of a hit with its display name, so results can be shown without a catalog lookup.</summary>
/// <param name="Kind">Country, force or base.</param>
/// <param name="Id">The canonical id, as in <see cref="SearchHit.Mentioned"/>.</param>
/// <param name="Name">The catalog's display name (<c>Niger</c>, <c>Wagner Group</c>, <c>Air Base 101</c>); the id itself when the
/// catalog no longer knows it.</param>
public sealed record EntityName(EntityKind Kind, string Id, string Name)
{
    /// <inheritdoc />
    public override string ToString() => Name;
}
