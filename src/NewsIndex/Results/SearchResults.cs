namespace NewsIndex.Results;

/// <summary>The answer to a search.</summary>
public sealed record SearchResults
{
    /// <summary>The query, in query-string syntax.</summary>
    public required string Query { get; init; }

    /// <summary>Number of matching articles (exact).</summary>
    public required int Total { get; init; }

    /// <summary>This page of hits.</summary>
    public required IReadOnlyList<SearchHit> Hits { get; init; }

    /// <summary>Exact counts over all matches for each requested facet, most frequent first.</summary>
    public IReadOnlyDictionary<FacetField, IReadOnlyList<FacetCount>> Facets { get; init; } = new Dictionary<FacetField, IReadOnlyList<FacetCount>>();

    /// <summary>Pass as <see cref="SearchOptions.After"/> to get the next page; null on the last page.</summary>
    public string? NextCursor { get; init; }
}
