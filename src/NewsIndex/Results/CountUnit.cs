namespace NewsIndex.Results;

/// <summary>What facet and timeline counts count.</summary>
public enum CountUnit
{
    /// <summary>Matching articles (the default).</summary>
    Articles,

    /// <summary>Distinct stories among the matching articles: five reports of one event count once. An article without a
    /// story (an index that assigns none) counts as a story of its own.</summary>
    Stories,
}
