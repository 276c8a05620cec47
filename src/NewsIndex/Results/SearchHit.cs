using NewsIndex.Entities;

namespace NewsIndex.Results;

/// <summary>One matching article.</summary>
public sealed record SearchHit
{
    /// <summary>The article id.</summary>
    public required string Id { get; init; }

    /// <summary>The story the article belongs to (reports of one event share it); null when the index assigns no stories.</summary>
    public string? Story { get; init; }

    /// <summary>With <see cref="SearchOptions.Collapse"/>: the story this hit stands for (size, first and last seen,
    /// sources); null otherwise, and for an article without a story.</summary>
    public StorySummary? Collapsed { get; init; }

    /// <summary>The headline (may be empty).</summary>
    public required string Title { get; init; }

    /// <summary>Publication time (UTC), when known.</summary>
    public DateTimeOffset? Published { get; init; }

    /// <summary>The source, when known.</summary>
    public string? Source { get; init; }

    /// <summary>The URL, when known.</summary>
    public string? Url { get; init; }

    /// <summary>Relevance score (higher is better; comparable within one result set only).</summary>
    public float Score { get; init; }

    /// <summary>Every entity the article mentions.</summary>
    public required EntitySet Mentioned { get; init; }

    /// <summary>The entities the article is about.</summary>
    public required EntitySet About { get; init; }

    /// <summary>Display names of every entity in <see cref="Mentioned"/> (which holds those in <see cref="About"/>), from the
    /// index's catalog: countries, then forces, then bases, each in the order of <see cref="Mentioned"/>.</summary>
    public ValueList<EntityName> Names { get; init; } = [];

    /// <summary>Best fragments of the body with terms and entities marked.</summary>
    public ValueList<Snippet> Snippets { get; init; } = [];

    /// <summary>Why the article matched: which alias or word satisfied which clause, and where. Empty when
    /// <see cref="SearchOptions.Why"/> is false.</summary>
    public ValueList<MatchReason> Why { get; init; } = [];
}
