namespace NewsIndex.Results;

/// <summary>One bucket of one series of a timeline.</summary>
/// <param name="Start">The bucket's first instant (UTC midnight of its day, Monday or first of the month).</param>
/// <param name="Series">The entity id the series counts (for a timeline by entity kind); null for a single series.</param>
/// <param name="Count">Matching articles (or distinct stories) in the bucket; 0 for a bucket with none.</param>
public readonly record struct TimelinePoint(DateTimeOffset Start, string? Series, int Count);
