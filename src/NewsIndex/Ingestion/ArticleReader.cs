using System.IO.Enumeration;

namespace NewsIndex.Ingestion;

/// <summary>
/// Reads articles from plain-text news files, saved HTML pages, RSS 2.0 and Atom feeds, JSON Lines (<c>.jsonl</c>,
/// <c>.jsonl.gz</c>) and folders of them, synchronously (<see cref="Read(string, Action{IngestionError}?, ArticleReaderOptions?, IngestionStats?)"/>)
/// or as asynchronous streams (<see cref="ReadAsync(string, Action{IngestionError}?, ArticleReaderOptions?, IngestionStats?, CancellationToken)"/>).
/// Large inputs are streamed. A bad record is reported with its file and line and reading goes on; a source that
/// cannot be read to its end (corrupt gzip, malformed feed XML, I/O error) is reported and reading goes on with the
/// next source.
/// </summary>
/// <remarks>
/// Stateless and thread-safe; each enumeration opens its own files. The synchronous and asynchronous readers share
/// every parser; only the I/O differs. Special files are never read without a bound: FIFOs, sockets and terminals are
/// skipped, endless devices (a symlink to <c>/dev/zero</c>) stop at <see cref="ArticleReaderOptions.MaxArticleBytes"/>.
/// </remarks>
public static partial class ArticleReader
{
    /// <summary>
    /// Reads every article under <paramref name="path"/>: a file (its format from its name: see
    /// <see cref="ArticleFormat"/>) or a folder (recursively, files matching <see cref="ArticleReaderOptions.FolderPatterns"/>,
    /// in ordinal path order).
    /// </summary>
    /// <param name="path">File or folder.</param>
    /// <param name="onError">Receives each record or source that cannot be read; reading continues. When null, the
    /// first error throws <see cref="ArticleFormatException"/>, unless <see cref="ArticleReaderOptions.Logger"/> is set (then errors are logged and skipped).</param>
    /// <param name="options">Limits; <see cref="ArticleReaderOptions.Default"/> when null.</param>
    /// <param name="stats">Counts sources, articles, undated articles and errors as the enumeration goes; optional.</param>
    public static IEnumerable<Article> Read(string path, Action<IngestionError>? onError = null, ArticleReaderOptions? options = null, IngestionStats? stats = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Counted(ReadPath(path, new Context(onError, options, stats)), stats);
    }

    /// <summary>
    /// Reads articles of one <paramref name="format"/> from a stream (not closed). <paramref name="sourceName"/> names
    /// the stream in errors; for one-article formats (text, HTML) its file name without extension is the article id.
    /// JSON Lines must already be decompressed.
    /// </summary>
    public static IEnumerable<Article> Read(Stream stream, ArticleFormat format, string sourceName, Action<IngestionError>? onError = null,
        ArticleReaderOptions? options = null, IngestionStats? stats = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceName);
        var context = new Context(onError, options, stats);
        stats?.AddSource();
        return Counted(ReadStream(stream, format, sourceName, context), stats);
    }

    /// <summary>Reads one plain-text article file. Throws <see cref="ArticleFormatException"/> when it is not readable text.</summary>
    public static Article ReadTextFile(string path, ArticleReaderOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var context = new Context(null, options, null);
        using var stream = SourceFile.Open(path, context.Report, context.Options.MaxArticleBytes)!;
        return ReadStream(stream, ArticleFormat.Text, path, context).Single();
    }

    /// <summary>Reads JSON Lines from a stream (already decompressed). <paramref name="sourceName"/> names it in errors.</summary>
    public static IEnumerable<Article> ReadJsonLines(Stream stream, string sourceName, Action<IngestionError>? onError = null, ArticleReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var context = new Context(onError, options, null);
        return JsonLinesArticleReader.Read(stream, sourceName, context.Report, context.Options);
    }

    private static IEnumerable<Article> Counted(IEnumerable<Article> articles, IngestionStats? stats)
    {
        foreach (var article in articles)
        {
            stats?.AddArticle(article);
            yield return article;
        }
    }

    private static IEnumerable<Article> ReadPath(string path, Context context)
    {
        foreach (var file in Files(path, context))
        {
            var stream = SourceFile.Open(file, context.Report, context.Options.MaxArticleBytes, context.Stats);
            if (stream is null)
            {
                continue;
            }

            context.Stats?.AddSource();
            using var input = Decompressed(file, stream);
            foreach (var article in ReadStream(input, ArticleFormats.FromPath(file), file, context))
            {
                yield return article;
            }
        }
    }

    private static IEnumerable<Article> ReadStream(Stream stream, ArticleFormat format, string sourceName, Context context)
    {
        switch (format)
        {
            case ArticleFormat.JsonLines:
                return JsonLinesArticleReader.Read(stream, sourceName, context.Report, context.Options);
            case ArticleFormat.Feed:
                return FeedArticleReader.Read(stream, sourceName, context.Report, context.Options);
            default:
                if (TooLarge(stream, sourceName, context))
                {
                    return [];
                }

                byte[]? bytes;
                try
                {
                    bytes = SourceFile.ReadBounded(stream, context.Options.MaxArticleBytes);
                }
                catch (Exception ex) when (StreamErrors.IsStreamError(ex))
                {
                    context.Report(StreamErrors.ToError(sourceName, ex));
                    return [];
                }

                return ParseDocument(sourceName, bytes, format, context) is { } article ? [article] : [];
        }
    }

    private static Stream Decompressed(string file, Stream stream) =>
        ArticleFormats.IsGzip(file) ? new GzipInput(stream) : stream;

    /// <summary>The files a path stands for, in ordinal order; unreadable folders are reported and skipped.</summary>
    private static List<string> Files(string path, Context context)
    {
        if (Directory.Exists(path))
        {
            var files = new List<string>();
            Collect(path, files, context);
            files.Sort(StringComparer.Ordinal);
            return files;
        }

        if (File.Exists(path))
        {
            return [path];
        }

        context.Report(new IngestionError(path, 0, "no such file or folder") { Kind = IngestionErrorKind.NotFound });
        return [];
    }

    private static void Collect(string directory, List<string> files, Context context)
    {
        FileSystemInfo[] entries;
        try
        {
            entries = new DirectoryInfo(directory).GetFileSystemInfos();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            context.Report(new IngestionError(directory, 0, $"cannot list folder: {ex.Message}") { Kind = IngestionErrorKind.Unreadable });
            return;
        }

        foreach (var entry in entries)
        {
            if (entry is DirectoryInfo subdirectory)
            {
                if (subdirectory.LinkTarget is null)
                {
                    Collect(Path.Join(directory, subdirectory.Name), files, context); // symlinked folders are not followed: no cycles
                }
            }
            else if (context.Options.FolderPatterns.Any(pattern => FileSystemName.MatchesSimpleExpression(pattern, entry.Name, ignoreCase: true)))
            {
                files.Add(Path.Join(directory, entry.Name));
            }
        }
    }

    private static bool TooLarge(Stream stream, string sourceName, Context context)
    {
        if (stream.CanSeek && stream.Length > context.Options.MaxArticleBytes)
        {
            context.Report(SourceFile.TooLarge(sourceName, stream.Length, context.Options.MaxArticleBytes));
            return true;
        }

        return false;
    }

    /// <summary>One whole-file article (text or HTML) from its bytes: the part the sync and async readers share.</summary>
    private static Article? ParseDocument(string sourceName, byte[]? bytes, ArticleFormat format, Context context)
    {
        if (bytes is null)
        {
            context.Report(SourceFile.TooLarge(sourceName, null, context.Options.MaxArticleBytes));
            return null;
        }

        var id = Path.GetFileNameWithoutExtension(sourceName);
        if (ArticleValidation.CheckTerm("id (the file name)", id) is { } invalidId)
        {
            context.Report(new IngestionError(sourceName, 0, invalidId) { Kind = IngestionErrorKind.InvalidId });
            return null;
        }

        if (!TextDecoding.TryDecodeFile(bytes, out var text, out var line, out var error))
        {
            // HTML declares its own encoding; only binary data is refused up front.
            if (format != ArticleFormat.Html || error!.StartsWith("binary", StringComparison.Ordinal))
            {
                context.Report(new IngestionError(sourceName, line, error!) { Kind = IngestionErrorKind.InvalidText });
                return null;
            }
        }
        else if (string.IsNullOrWhiteSpace(text.Trim('\uFEFF')))
        {
            context.Report(new IngestionError(sourceName, 0, "file is empty") { Kind = IngestionErrorKind.Empty });
            return null;
        }

        if (format == ArticleFormat.Html)
        {
            var page = HtmlArticleParser.Parse(id, bytes);
            if (page is null)
            {
                context.Report(HtmlArticleParser.NoContent(sourceName));
                return null;
            }

            if (ArticleValidation.Check(page) is { } invalid)
            {
                context.Report(new IngestionError(sourceName, 0, invalid) { Kind = IngestionErrorKind.InvalidId });
                return null;
            }

            return page;
        }

        return PlainTextArticleParser.Parse(id, text);
    }

    /// <summary>The error channel, options and counters of one read.</summary>
    private sealed class Context(Action<IngestionError>? onError, ArticleReaderOptions? options, IngestionStats? stats)
    {
        private readonly Action<IngestionError> _onError = onError
            ?? (options?.Logger is not null ? static _ => { } : static error => throw new ArticleFormatException(error));

        public ArticleReaderOptions Options { get; } = options ?? ArticleReaderOptions.Default;

        public IngestionStats? Stats { get; } = stats;

        public void Report(IngestionError error)
        {
            Stats?.AddError();
            if (Options.Logger is { } logger)
            {
                IngestionLog.Skipped(logger, error.Path, error.Line, error.Kind, error.Message);
            }

            _onError(error);
        }
    }
}
