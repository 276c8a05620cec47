namespace NewsIndex.Indexing;

/// <summary>The outcome of <see cref="ArticleIndex.Verify(string, ArticleIndexOptions?)"/>: Lucene's CheckIndex over every segment (checksums,
/// postings, stored fields, doc values, term vectors), every stored article decoded, and the schema and catalog versions.</summary>
/// <param name="Location">The index directory.</param>
/// <param name="Healthy">True when nothing is wrong: no damaged segment, every article readable, the schema is this version's.</param>
/// <param name="Problems">What is wrong, one sentence each; empty when healthy. A catalog mismatch is listed but does not make the index unhealthy.</param>
/// <param name="Segments">Segments in the last commit.</param>
/// <param name="Articles">Articles in the last commit (live documents).</param>
/// <param name="DamagedSegments">Segments that cannot be read.</param>
/// <param name="ArticlesInDamagedSegments">Articles a repair would drop.</param>
/// <param name="Schema">Schema version in the commit data, or <c>?</c>.</param>
/// <param name="CatalogVersion">Catalog version in the commit data, or <c>?</c>.</param>
/// <param name="Checkpoint">The ingestion checkpoint in the commit data, if any.</param>
public sealed record IndexVerification(
    string Location,
    bool Healthy,
    ValueList<string> Problems,
    int Segments,
    int Articles,
    int DamagedSegments,
    int ArticlesInDamagedSegments,
    string Schema,
    string CatalogVersion,
    IndexingCheckpoint? Checkpoint);
