namespace NewsIndex.Results;

/// <summary>How hits are ordered.</summary>
public enum SortOrder
{
    /// <summary>Best match first (articles about the queried entities rank above passing mentions).</summary>
    Relevance,

    /// <summary>Newest first; articles without a date come last.</summary>
    Date,
}
