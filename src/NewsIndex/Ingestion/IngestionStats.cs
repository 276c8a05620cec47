namespace NewsIndex.Ingestion;

/// <summary>
/// Running counts of one or more reads: sources opened, articles read, how many of them came out without a
/// publication date, and errors reported. Pass one to <see cref="ArticleReader"/>'s methods and print it (or its
/// properties) in a summary; a summary that says "3 undated" tells users which inputs need a closer look.
/// </summary>
/// <remarks>Thread-safe: counters are updated atomically, so one instance may be shared by parallel reads.</remarks>
public sealed class IngestionStats
{
    private long _sources;
    private long _articles;
    private long _undated;
    private long _errors;
    private long _bytesRead;

    /// <summary>Files and streams opened for reading (a folder counts each file it yields).</summary>
    public long Sources => Interlocked.Read(ref _sources);

    /// <summary>Articles read and handed to the caller.</summary>
    public long Articles => Interlocked.Read(ref _articles);

    /// <summary>Of <see cref="Articles"/>, those without a publication date (none stated, or only a bare year).</summary>
    public long Undated => Interlocked.Read(ref _undated);

    /// <summary>Errors reported (records and sources skipped).</summary>
    public long Errors => Interlocked.Read(ref _errors);

    /// <summary>Bytes read so far from the files of a path (compressed bytes for <c>.gz</c>), for progress against the
    /// files' sizes; streams passed in by the caller are not counted.</summary>
    public long BytesRead => Interlocked.Read(ref _bytesRead);

    /// <inheritdoc />
    public override string ToString() =>
        $"{Articles:N0} article(s) from {Sources:N0} source(s), {Undated:N0} undated, {Errors:N0} error(s)";

    internal void AddSource() => Interlocked.Increment(ref _sources);

    internal void AddArticle(Article article)
    {
        Interlocked.Increment(ref _articles);
        if (article.Published is null)
        {
            Interlocked.Increment(ref _undated);
        }
    }

    internal void AddError() => Interlocked.Increment(ref _errors);

    internal void AddBytes(long count) => Interlocked.Add(ref _bytesRead, count);
}
