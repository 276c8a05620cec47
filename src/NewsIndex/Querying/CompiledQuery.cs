using NewsIndex.Entities;

namespace NewsIndex.Querying;

/// <summary>A typed query compiled for one index: the Lucene query plus what snippets and "why" need.</summary>
/// <param name="Lucene">The query to run.</param>
/// <param name="Terms">Analysed query terms, for marking snippets.</param>
/// <param name="Evidence">Per entity clause (printed), the entity ids whose mentions satisfy it.</param>
internal sealed record CompiledQuery(
    Lucene.Net.Search.Query Lucene,
    IReadOnlySet<string> Terms,
    IReadOnlyList<(string Clause, EntityKind Kind, IReadOnlySet<string> Ids, string? UnlistedPrefix)> Evidence);
