namespace NewsIndex.Ingestion;

/// <summary>Limits and policies for <see cref="ArticleReader"/>.</summary>
public sealed record ArticleReaderOptions
{
    /// <summary>The defaults described on each property.</summary>
    public static ArticleReaderOptions Default { get; } = new();

    /// <summary>
    /// Largest accepted article (text file or JSON Lines record) in bytes. Default 16 MiB: far above any real
    /// news story, small enough that one runaway record cannot exhaust memory. Larger records are reported as
    /// errors and skipped, never truncated.
    /// </summary>
    public int MaxArticleBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>File name patterns read from a folder. Default: <c>*.txt</c>, <c>*.jsonl</c>, <c>*.jsonl.gz</c>.</summary>
    public ValueList<string> FolderPatterns { get; init; } = ["*.txt", "*.jsonl", "*.jsonl.gz"];
}
