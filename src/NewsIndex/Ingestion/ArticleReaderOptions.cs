using Microsoft.Extensions.Logging;

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

    /// <summary>
    /// File name patterns read from a folder (case-insensitive). Default: <c>*.txt</c>, <c>*.jsonl</c>,
    /// <c>*.jsonl.gz</c>, <c>*.html</c>, <c>*.htm</c>, <c>*.rss</c>, <c>*.atom</c>, <c>*.xml</c>. Each file's format
    /// follows from its name (see <see cref="ArticleFormat"/>); an <c>.xml</c> file that is not a feed is reported.
    /// </summary>
    public ValueList<string> FolderPatterns { get; init; } = ["*.txt", "*.jsonl", "*.jsonl.gz", "*.html", "*.htm", "*.rss", "*.atom", "*.xml"];

    /// <summary>
    /// Logs every record or source that cannot be read, as a warning with its path, line, kind and message. When a
    /// logger is set and no error callback is given, bad records are logged and skipped instead of throwing
    /// <see cref="ArticleFormatException"/>. Default null.
    /// </summary>
    public ILogger? Logger { get; init; }
}
