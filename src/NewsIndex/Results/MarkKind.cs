namespace NewsIndex.Results;

/// <summary>Why a stretch of snippet text is marked.</summary>
public enum MarkKind
{
    /// <summary>A query word or phrase word.</summary>
    Term,

    /// <summary>A mention of a queried entity.</summary>
    Entity,
}
