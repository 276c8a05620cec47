namespace NewsIndex.Results;

/// <summary>How to run a search and what to return.</summary>
public sealed record SearchOptions
{
    /// <summary>The defaults described on each property.</summary>
    public static SearchOptions Default { get; } = new();

    /// <summary>Hits per page, 1 to 1,000. Default 10.</summary>
    public int Size { get; init; } = 10;

    /// <summary>Relevance (default) or newest first.</summary>
    public SortOrder Sort { get; init; } = SortOrder.Relevance;

    /// <summary>Facets to count over all matches. Default none.</summary>
    public ValueList<FacetField> Facets { get; init; } = [];

    /// <summary>Most values returned per facet. Default 20.</summary>
    public int FacetSize { get; init; } = 20;

    /// <summary>Build snippets for each hit. Default true.</summary>
    public bool Snippets { get; init; } = true;

    /// <summary>Most snippets per hit. Default 2.</summary>
    public int SnippetCount { get; init; } = 2;

    /// <summary>Target snippet length in characters. Default 200.</summary>
    public int SnippetLength { get; init; } = 200;

    /// <summary>Fill <see cref="SearchHit.Why"/> (the <see cref="MatchReason"/>s each hit matched for). Default true.</summary>
    public bool Why { get; init; } = true;

    /// <summary>Return one hit per story (its best match by <see cref="Sort"/>), with <see cref="SearchHit.Collapsed"/>
    /// summarising the story; stories are ordered by their best match and paged with the cursor like hits. Default false.</summary>
    public bool Collapse { get; init; }

    /// <summary>Whether <see cref="Facets"/> count matching articles (default) or distinct stories.</summary>
    public CountUnit FacetUnit { get; init; } = CountUnit.Articles;

    /// <summary>Cursor from <see cref="SearchResults.NextCursor"/>: return the page after it. A cursor holds the last hit's
    /// sort values and its article id (never Lucene's document number), is bound to the query and sort it came from
    /// (another query, another sort, or a damaged cursor throws <see cref="ArgumentException"/>), and survives merges and
    /// deletes: paging never returns an article twice nor skips one present throughout. Date order is (date, id), so it
    /// is exact under any writes; relevance order is (score, id), and text-query scores move when writes change term
    /// statistics, so under concurrent writes a relevance page follows the scores of the moment.</summary>
    public string? Cursor { get; init; }
}
