using System.Runtime.CompilerServices;

namespace NewsIndex.Ingestion;

public static partial class ArticleReader
{
    /// <summary>
    /// Streams every article under <paramref name="path"/> asynchronously: the same files, formats, order and errors
    /// as <see cref="Read(string, Action{IngestionError}?, ArticleReaderOptions?, IngestionStats?)"/>, with file I/O
    /// awaited and cancellation honoured between reads.
    /// </summary>
    /// <param name="path">File or folder.</param>
    /// <param name="onError">Receives each record or source that cannot be read; reading continues. When null, the
    /// first error throws <see cref="ArticleFormatException"/>, unless <see cref="ArticleReaderOptions.Logger"/> is set (then errors are logged and skipped).</param>
    /// <param name="options">Limits; <see cref="ArticleReaderOptions.Default"/> when null.</param>
    /// <param name="stats">Counts sources, articles, undated articles and errors as the enumeration goes; optional.</param>
    /// <param name="cancellationToken">Stops the enumeration with <see cref="OperationCanceledException"/>.</param>
    public static async IAsyncEnumerable<Article> ReadAsync(string path, Action<IngestionError>? onError = null, ArticleReaderOptions? options = null,
        IngestionStats? stats = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var context = new Context(onError, options, stats);
        foreach (var file in Files(path, context))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var stream = SourceFile.Open(file, context.Report, context.Options.MaxArticleBytes, context.Stats);
            if (stream is null)
            {
                continue;
            }

            stats?.AddSource();
            await using var input = Decompressed(file, stream);
            await foreach (var article in ReadStreamAsync(input, ArticleFormats.FromPath(file), file, context, cancellationToken).ConfigureAwait(false))
            {
                stats?.AddArticle(article);
                yield return article;
            }
        }
    }

    /// <summary>
    /// Streams articles of one <paramref name="format"/> from a stream (not closed) asynchronously.
    /// <paramref name="sourceName"/> names the stream in errors; for one-article formats (text, HTML) its file name
    /// without extension is the article id. JSON Lines must already be decompressed.
    /// </summary>
    public static async IAsyncEnumerable<Article> ReadAsync(Stream stream, ArticleFormat format, string sourceName, Action<IngestionError>? onError = null,
        ArticleReaderOptions? options = null, IngestionStats? stats = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceName);
        var context = new Context(onError, options, stats);
        stats?.AddSource();
        await foreach (var article in ReadStreamAsync(stream, format, sourceName, context, cancellationToken).ConfigureAwait(false))
        {
            stats?.AddArticle(article);
            yield return article;
        }
    }

    private static IAsyncEnumerable<Article> ReadStreamAsync(Stream stream, ArticleFormat format, string sourceName, Context context, CancellationToken cancellationToken) =>
        format switch
        {
            ArticleFormat.JsonLines => JsonLinesArticleReader.ReadAsync(stream, sourceName, context.Report, context.Options, cancellationToken),
            ArticleFormat.Feed => FeedArticleReader.ReadAsync(stream, sourceName, context.Report, context.Options, cancellationToken),
            _ => ReadDocumentAsync(stream, format, sourceName, context, cancellationToken),
        };

    private static async IAsyncEnumerable<Article> ReadDocumentAsync(Stream stream, ArticleFormat format, string sourceName, Context context,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (TooLarge(stream, sourceName, context))
        {
            yield break;
        }

        byte[]? bytes;
        try
        {
            bytes = await SourceFile.ReadBoundedAsync(stream, context.Options.MaxArticleBytes, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (StreamErrors.IsStreamError(ex))
        {
            context.Report(StreamErrors.ToError(sourceName, ex));
            yield break;
        }

        if (ParseDocument(sourceName, bytes, format, context) is { } article)
        {
            yield return article;
        }
    }
}
