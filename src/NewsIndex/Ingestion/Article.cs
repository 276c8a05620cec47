namespace NewsIndex.Ingestion;

/// <summary>
/// One news article as ingested: what the source really contains, nothing invented.
/// </summary>
/// <param name="Id">Stable identifier: the file name without extension for text files, the <c>id</c> field for JSON Lines.
/// Re-indexing the same id replaces the article.</param>
/// <param name="Title">The headline; empty when the source has none (never made up from the body).</param>
/// <param name="Body">The article text with page furniture (share buttons, bylines, "Updated On" …) removed.</param>
public sealed record Article(string Id, string Title, string Body)
{
    /// <summary>Publication time in UTC, when the source states one.</summary>
    public DateTimeOffset? Published { get; init; }

    /// <summary>The outlet or agency the article is attributed to (e.g. <c>BBC</c>), when stated.</summary>
    public string? Source { get; init; }

    /// <summary>Where the article was published, when known.</summary>
    public string? Url { get; init; }

    /// <summary>Authors from the byline or a "Reporting contributed by" line.</summary>
    public ValueList<string> Authors { get; init; } = [];

    /// <summary>The dateline place (e.g. <c>NIAMEY</c> or <c>NEW YORK, March 3</c>), when the article has one.</summary>
    public string? Dateline { get; init; }

    /// <summary>Size of the article text in UTF-16 characters (title, dateline and body).</summary>
    public int Length => Title.Length + Body.Length + (Dateline?.Length ?? 0);
}
