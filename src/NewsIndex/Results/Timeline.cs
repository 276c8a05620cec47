using NewsIndex.Entities;

namespace NewsIndex.Results;

/// <summary>Counts of matching articles or stories over time, optionally one series per entity.</summary>
public sealed record Timeline
{
    /// <summary>The query, in query-string syntax.</summary>
    public required string Query { get; init; }

    /// <summary>The bucket width.</summary>
    public required TimelineInterval Interval { get; init; }

    /// <summary>The entity kind that splits the counts into series (for example the countries each article mentions);
    /// null for one series of all matches.</summary>
    public EntityKind? By { get; init; }

    /// <summary>Whether the counts are of articles or of distinct stories.</summary>
    public CountUnit Unit { get; init; }

    /// <summary>The series, largest total first (at most the number asked for); empty when <see cref="By"/> is null.</summary>
    public ValueList<string> Series { get; init; } = [];

    /// <summary>Every bucket from the first to the last dated match, for each series (zeros included), in time order
    /// and, within a bucket, in <see cref="Series"/> order.</summary>
    public ValueList<TimelinePoint> Points { get; init; } = [];

    /// <summary>Matching articles without a publication date (not in any bucket).</summary>
    public int Undated { get; init; }
}
