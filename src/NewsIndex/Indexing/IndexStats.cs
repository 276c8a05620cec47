namespace NewsIndex.Indexing;

/// <summary>Facts about an index.</summary>
/// <param name="Articles">Live articles.</param>
/// <param name="Deleted">Deleted articles not yet merged away.</param>
/// <param name="Segments">Lucene segments.</param>
/// <param name="SizeBytes">Size of the index files (0 for in-memory indexes).</param>
/// <param name="Schema">Schema version recorded in the last commit.</param>
/// <param name="CatalogVersion">Entity catalog version recorded in the last commit.</param>
/// <param name="Location">The index directory, or <c>(memory)</c>.</param>
public sealed record IndexStats(int Articles, int Deleted, int Segments, long SizeBytes, string Schema, string CatalogVersion, string Location);
