using NewsIndex.Entities;

namespace NewsIndex.Querying;

/// <summary>
/// Articles that mention (or are about) one entity. The value is a canonical id or any alias the catalog knows;
/// it is resolved against the index's catalog when the query runs. Syntax <c>country:Chad</c>, <c>force:"Russian troops"</c>,
/// <c>base:"Air Base 201"</c>, <c>about:NE</c> (or <c>about:force:Wagner</c> to name the kind). A force clause can also
/// match related forces (<see cref="ForceRelations"/>): <c>force:JNIM/members</c>, <c>force:Wagner/lineage</c>.
/// </summary>
public sealed record EntityClause : NewsQuery
{
    /// <summary>Creates the clause.</summary>
    /// <exception cref="ArgumentException">Related forces were asked for on a country or base clause.</exception>
    public EntityClause(EntityKind kind, string value, EntityScope scope = EntityScope.Mentions, ForceRelations include = ForceRelations.None)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        if (include != ForceRelations.None && kind != EntityKind.Force)
        {
            throw new ArgumentException("only a force clause can include related forces (members, lineage)", nameof(include));
        }

        Kind = kind;
        Value = value.Trim();
        Scope = scope;
        Include = include;
    }

    /// <summary>The entity's kind.</summary>
    public EntityKind Kind { get; }

    /// <summary>Id or alias, as given.</summary>
    public string Value { get; }

    /// <summary>Mentions (default) or about.</summary>
    public EntityScope Scope { get; }

    /// <summary>Related forces the clause matches too (forces only). Default none.</summary>
    public ForceRelations Include { get; }

    /// <summary>The query-string syntax, printed without any catalog: <c>force:Wagner</c>, or for the about scope the
    /// kind spelled out (<c>about:force:Wagner</c>), so that parsing it gives this clause back whatever the catalog.</summary>
    public override string ToString()
    {
        var field = Kind.ToString().ToLowerInvariant();
        var text = Scope == EntityScope.Mentions ? $"{field}:{QuerySyntax.Value(Value)}" : $"about:{field}:{QuerySyntax.Value(Value)}";
        return Include == ForceRelations.None ? text : $"{text}/{QuerySyntax.Relations(Include)}";
    }
}
