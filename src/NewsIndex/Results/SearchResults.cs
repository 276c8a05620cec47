namespace NewsIndex.Results;

/// <summary>The answer to a search.</summary>
public sealed record SearchResults
{
    /// <summary>The query, in query-string syntax.</summary>
    public required string Query { get; init; }

    /// <summary>Number of matching articles (exact).</summary>
    public required int Total { get; init; }

    /// <summary>With <see cref="SearchOptions.Collapse"/>: the number of distinct stories among the matches (an article
    /// without a story counts as one); null otherwise.</summary>
    public int? TotalStories { get; init; }

    /// <summary>This page of hits.</summary>
    public required ValueList<SearchHit> Hits { get; init; }

    /// <summary>Exact counts over all matches for each requested facet, most frequent first.</summary>
    public IReadOnlyDictionary<FacetField, IReadOnlyList<FacetCount>> Facets { get; init; } = new Dictionary<FacetField, IReadOnlyList<FacetCount>>();

    /// <summary>Pass as <see cref="SearchOptions.Cursor"/> to get the next page; null on the last page. JSON <c>nextCursor</c>, console <c>--cursor</c>.</summary>
    public string? NextCursor { get; init; }

    /// <summary>True when the query, after analysis, had nothing to search for (for example only stop words, as in
    /// <c>the OR of</c>): such a query matches nothing rather than everything, and this says why there are no hits.</summary>
    public bool IsNeutral { get; init; }

    /// <summary>Value equality, facets included (compared per field, in order).</summary>
    public bool Equals(SearchResults? other) =>
        other is not null && Query == other.Query && Total == other.Total && TotalStories == other.TotalStories && Hits == other.Hits && NextCursor == other.NextCursor &&
        IsNeutral == other.IsNeutral && Facets.Count == other.Facets.Count &&
        Facets.All(f => other.Facets.TryGetValue(f.Key, out var counts) && counts.SequenceEqual(f.Value));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Query, Total, Hits, NextCursor, IsNeutral, Facets.Count);
}
