namespace NewsIndex.Results;

/// <summary>The width of a timeline's buckets (UTC).</summary>
public enum TimelineInterval
{
    /// <summary>Calendar days.</summary>
    Day,

    /// <summary>ISO weeks, starting on Monday.</summary>
    Week,

    /// <summary>Calendar months.</summary>
    Month,
}
