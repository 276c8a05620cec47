namespace NewsIndex.Indexing;

/// <summary>
/// How far a bulk indexing run over one input had got when a commit was made, recorded in that commit's data: every
/// article among the first <see cref="Position"/> of the input is in the commit (some after it may be too; adding them
/// again replaces them, it never duplicates them).
/// </summary>
/// <param name="Source">The identity of the input given in <see cref="IndexingOptions.Source"/> (e.g. paths, sizes and
/// modification times hashed together), so a resume over a different input is refused.</param>
/// <param name="Position">Articles of the input, counted in reading order, that the commit holds.</param>
/// <param name="Completed">True when the run read its whole input.</param>
public sealed record IndexingCheckpoint(string Source, long Position, bool Completed);
