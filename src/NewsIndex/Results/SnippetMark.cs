namespace NewsIndex.Results;

/// <summary>A marked stretch of a snippet.</summary>
/// <param name="Start">Offset in <see cref="Snippet.Text"/>.</param>
/// <param name="Length">Length in UTF-16 code units.</param>
/// <param name="Kind">Query term or entity mention.</param>
/// <param name="EntityId">For entity marks, the entity's id.</param>
public readonly record struct SnippetMark(int Start, int Length, MarkKind Kind, string? EntityId = null)
{
    /// <summary>Offset just past the mark.</summary>
    public int End => Start + Length;
}
