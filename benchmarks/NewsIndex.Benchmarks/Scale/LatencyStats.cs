namespace NewsIndex.Benchmarks.Scale;

/// <summary>Latency percentiles of one query type, in milliseconds.</summary>
/// <param name="QueryType">What was measured.</param>
/// <param name="Count">Number of timed queries.</param>
/// <param name="P50">Median.</param>
/// <param name="P95">95th percentile.</param>
/// <param name="P99">99th percentile.</param>
/// <param name="MeanHits">Mean total hits per query (how broad the query is).</param>
public sealed record LatencyStats(string QueryType, int Count, double P50, double P95, double P99, double MeanHits)
{
    /// <summary>Computes the percentiles (nearest rank) of <paramref name="milliseconds"/>.</summary>
    public static LatencyStats From(string queryType, List<double> milliseconds, double meanHits)
    {
        var sorted = milliseconds.Order().ToArray();
        double Rank(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new LatencyStats(queryType, sorted.Length, Rank(0.50), Rank(0.95), Rank(0.99), meanHits);
    }
}
