namespace NewsIndex.Results;

/// <summary>One story: the reports of one event, summarised over all of its articles in the index.</summary>
public sealed record StorySummary
{
    /// <summary>The story id (the same as <see cref="SearchHit.Story"/> of its articles).</summary>
    public required string Id { get; init; }

    /// <summary>Number of articles (reports) in the story.</summary>
    public required int Size { get; init; }

    /// <summary>Number of its articles that match the query the story was found with (equal to <see cref="Size"/> when
    /// listed without a query).</summary>
    public int Matching { get; init; }

    /// <summary>The earliest publication time of its reports (UTC); null when none is dated.</summary>
    public DateTimeOffset? FirstSeen { get; init; }

    /// <summary>The latest publication time of its reports (UTC); null when none is dated.</summary>
    public DateTimeOffset? LastSeen { get; init; }

    /// <summary>The distinct sources of its reports, in the order they first reported it.</summary>
    public ValueList<string> Sources { get; init; } = [];

    /// <summary>A representative headline: in story lists and <see cref="StoryDetail"/>, that of the first report (the
    /// earliest dated one, else the first by id); in a collapsed hit, the hit's own (saving a stored-document read).</summary>
    public string Title { get; init; } = string.Empty;

    /// <summary>The entities its reports mention most, most reports first (at most five).</summary>
    public ValueList<StoryEntity> TopEntities { get; init; } = [];

    /// <summary>A one-line description such as <c>5 reports: BBC, Al Jazeera, …</c>.</summary>
    public override string ToString()
    {
        var sources = Sources.Count == 0 ? string.Empty : ": " + string.Join(", ", Sources.Take(3)) + (Sources.Count > 3 ? ", …" : string.Empty);
        return $"{Size} report{(Size == 1 ? string.Empty : "s")}{sources}";
    }
}
