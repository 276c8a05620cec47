namespace NewsIndex.Benchmarks.Scale;

/// <summary>The figures of one scale run, written as JSON next to the markdown so runs of different sizes can be compared.</summary>
public sealed record ScaleReport
{
    /// <summary>Articles indexed.</summary>
    public required int Articles { get; init; }

    /// <summary>UTF-8 megabytes of article text indexed.</summary>
    public required double TextMegabytes { get; init; }

    /// <summary>Indexing time without the final commit, seconds.</summary>
    public required double IndexSeconds { get; init; }

    /// <summary>Final commit time, seconds.</summary>
    public required double CommitSeconds { get; init; }

    /// <summary>Articles per second (indexing plus commit).</summary>
    public required double ArticlesPerSecond { get; init; }

    /// <summary>Text megabytes per second (indexing plus commit).</summary>
    public required double MegabytesPerSecond { get; init; }

    /// <summary>Index size on disk after the commit, bytes.</summary>
    public required long IndexBytes { get; init; }

    /// <summary>Peak working set of the process, bytes.</summary>
    public required long PeakWorkingSetBytes { get; init; }

    /// <summary>Indexing threads.</summary>
    public required int Threads { get; init; }

    /// <summary>Latency per query type.</summary>
    public required IReadOnlyList<LatencyStats> Latencies { get; init; }

    /// <summary>Machine description.</summary>
    public required string Machine { get; init; }

    /// <summary>The command that produced the run.</summary>
    public required string Command { get; init; }

    /// <summary>When the run finished (UTC).</summary>
    public required DateTimeOffset Finished { get; init; }
}
