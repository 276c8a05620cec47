namespace NewsIndex.Indexing;

/// <summary>The outcome of <see cref="ArticleIndex.Repair"/>.</summary>
/// <param name="Location">The index directory.</param>
/// <param name="Repaired">True when damaged segments were dropped and a new commit written; false when the index was healthy.</param>
/// <param name="DroppedSegments">Names of the dropped segments.</param>
/// <param name="ArticlesDropped">Articles (documents) that were in the dropped segments: index them again.</param>
/// <param name="ArticlesKept">Articles in the repaired index.</param>
public sealed record IndexRepairReport(string Location, bool Repaired, ValueList<string> DroppedSegments, int ArticlesDropped, int ArticlesKept);
