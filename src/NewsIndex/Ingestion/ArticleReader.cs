using System.IO.Compression;

namespace NewsIndex.Ingestion;

/// <summary>
/// Reads articles from plain-text news files, folders of them, and JSON Lines (<c>.jsonl</c>, <c>.jsonl.gz</c>).
/// Large inputs are streamed. A bad record is reported with its file and line, and reading goes on.
/// </summary>
/// <remarks>Stateless and thread-safe; each enumeration opens its own files.</remarks>
public static class ArticleReader
{
    /// <summary>
    /// Reads every article under <paramref name="path"/>: a <c>.txt</c> file (one article), a <c>.jsonl</c> or
    /// <c>.jsonl.gz</c> file (one article a line), or a folder of those (recursively, in ordinal path order).
    /// </summary>
    /// <param name="path">File or folder.</param>
    /// <param name="onError">Receives each record that cannot be read; reading continues. When null, the first bad
    /// record throws <see cref="ArticleFormatException"/>.</param>
    /// <param name="options">Limits; <see cref="ArticleReaderOptions.Default"/> when null.</param>
    public static IEnumerable<Article> Read(string path, Action<IngestionError>? onError = null, ArticleReaderOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        options ??= ArticleReaderOptions.Default;
        var report = onError ?? (error => throw new ArticleFormatException(error));
        return ReadAny(path, report, options);
    }

    /// <summary>Reads one plain-text article file. Throws <see cref="ArticleFormatException"/> when it is not readable text.</summary>
    public static Article ReadTextFile(string path, ArticleReaderOptions? options = null)
    {
        Article? result = null;
        ReadText(path, options ?? ArticleReaderOptions.Default, article => result = article, error => throw new ArticleFormatException(error));
        return result!;
    }

    /// <summary>Reads JSON Lines from a stream (already decompressed). <paramref name="sourceName"/> names it in errors.</summary>
    public static IEnumerable<Article> ReadJsonLines(Stream stream, string sourceName, Action<IngestionError>? onError = null, ArticleReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return JsonLinesArticleReader.Read(stream, sourceName, onError ?? (error => throw new ArticleFormatException(error)), options ?? ArticleReaderOptions.Default);
    }

    private static IEnumerable<Article> ReadAny(string path, Action<IngestionError> report, ArticleReaderOptions options)
    {
        if (Directory.Exists(path))
        {
            var files = options.FolderPatterns
                .SelectMany(pattern => Directory.EnumerateFiles(path, pattern, SearchOption.AllDirectories))
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal);
            foreach (var file in files)
            {
                foreach (var article in ReadFile(file, report, options))
                {
                    yield return article;
                }
            }

            yield break;
        }

        if (!File.Exists(path))
        {
            report(new IngestionError(path, 0, "no such file or folder"));
            yield break;
        }

        foreach (var article in ReadFile(path, report, options))
        {
            yield return article;
        }
    }

    private static IEnumerable<Article> ReadFile(string file, Action<IngestionError> report, ArticleReaderOptions options)
    {
        if (file.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".jsonl.gz", StringComparison.OrdinalIgnoreCase))
        {
            return ReadJsonLinesFile(file, report, options);
        }

        Article? article = null;
        ReadText(file, options, a => article = a, report);
        return article is null ? [] : [article];
    }

    private static IEnumerable<Article> ReadJsonLinesFile(string file, Action<IngestionError> report, ArticleReaderOptions options)
    {
        Stream stream;
        try
        {
            stream = File.OpenRead(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            report(new IngestionError(file, 0, $"cannot open: {ex.Message}"));
            yield break;
        }

        using (stream)
        {
            using var input = file.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(stream, CompressionMode.Decompress) : stream;
            foreach (var article in JsonLinesArticleReader.Read(input, file, report, options))
            {
                yield return article;
            }
        }
    }

    private static void ReadText(string file, ArticleReaderOptions options, Action<Article> accept, Action<IngestionError> report)
    {
        byte[] bytes;
        try
        {
            var length = new FileInfo(file).Length;
            if (length > options.MaxArticleBytes)
            {
                report(new IngestionError(file, 0, $"article is {length:N0} bytes, over the {options.MaxArticleBytes:N0}-byte limit (ArticleReaderOptions.MaxArticleBytes)"));
                return;
            }

            bytes = File.ReadAllBytes(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            report(new IngestionError(file, 0, $"cannot read: {ex.Message}"));
            return;
        }

        if (!TextDecoding.TryDecodeFile(bytes, out var text, out var line, out var error))
        {
            report(new IngestionError(file, line, error!));
            return;
        }

        if (string.IsNullOrWhiteSpace(text.Trim('\uFEFF')))
        {
            report(new IngestionError(file, 0, "file is empty"));
            return;
        }

        var id = Path.GetFileNameWithoutExtension(file);
        accept(PlainTextArticleParser.Parse(id, text));
    }
}
