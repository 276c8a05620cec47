using NewsIndex.Entities;

namespace NewsIndex.Querying;

/// <summary>A typed query compiled for one index: the Lucene query plus what snippets and "why" need.</summary>
/// <param name="Lucene">The query to run (matches nothing when <paramref name="Neutral"/>).</param>
/// <param name="Terms">Analysed query terms, for marking snippets.</param>
/// <param name="Evidence">Per entity clause, which mentions satisfy it.</param>
/// <param name="Neutral">The whole query analysed to nothing (only stop words): it matches nothing.</param>
internal sealed record CompiledQuery(
    Lucene.Net.Search.Query Lucene,
    IReadOnlySet<string> Terms,
    IReadOnlyList<EntityEvidence> Evidence,
    bool Neutral);

/// <summary>How a mention can satisfy an entity clause besides being one of its ids.</summary>
internal enum EvidenceRelation
{
    /// <summary>Only the listed ids.</summary>
    Is,

    /// <summary>A force affiliated with, or a base hosted or operated by, the clause's country.</summary>
    TiedTo,

    /// <summary>A base located in the clause's country.</summary>
    HostedIn,
}

/// <summary>What satisfies one entity clause of a query, for snippet marks and "why".</summary>
/// <param name="Clause">The clause as printed.</param>
/// <param name="Kind">The kind of mention it looks for.</param>
/// <param name="Ids">Ids that satisfy it directly.</param>
/// <param name="Country">The country of a relation clause.</param>
/// <param name="Relation">The relation that also satisfies it.</param>
internal sealed record EntityEvidence(string Clause, EntityKind Kind, IReadOnlySet<string> Ids, string? Country = null, EvidenceRelation Relation = EvidenceRelation.Is)
{
    /// <summary>Whether <paramref name="mention"/> satisfies the clause, judged by the catalog's one relations component.</summary>
    public bool IsSatisfiedBy(EntityMention mention, EntityRelations relations) =>
        mention.Kind == Kind &&
        (Ids.Contains(mention.Id) || Relation switch
        {
            EvidenceRelation.TiedTo => relations.IsTiedTo(mention.Kind, mention.Id, Country!),
            EvidenceRelation.HostedIn => relations.IsHostedIn(mention.Kind, mention.Id, Country!),
            _ => false,
        });
}
