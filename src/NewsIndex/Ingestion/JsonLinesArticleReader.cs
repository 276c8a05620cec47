using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace NewsIndex.Ingestion;

/// <summary>
/// Streams JSON Lines: one article object a line with <c>id</c>, <c>title</c>, <c>body</c> and optional
/// <c>date</c>/<c>published</c>, <c>source</c>, <c>url</c>, <c>authors</c>/<c>author</c>, <c>dateline</c>.
/// Unknown fields are ignored. Lines are handled as bytes, so a bad line never stops the ones after it.
/// </summary>
internal static class JsonLinesArticleReader
{
    public static IEnumerable<Article> Read(Stream stream, string sourceName, Action<IngestionError> report, ArticleReaderOptions options)
    {
        using var splitter = NewSplitter(sourceName, report, options);
        while (true)
        {
            while (splitter.TryReadLine(out var line, out var lineNumber))
            {
                if (Parse(line, sourceName, lineNumber, report) is { } article)
                {
                    yield return article;
                }
            }

            if (splitter.Completed || !TryRead(stream, splitter, sourceName, report))
            {
                yield break;
            }
        }
    }

    public static async IAsyncEnumerable<Article> ReadAsync(Stream stream, string sourceName, Action<IngestionError> report, ArticleReaderOptions options,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var splitter = NewSplitter(sourceName, report, options);
        while (true)
        {
            while (splitter.TryReadLine(out var line, out var lineNumber))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (Parse(line, sourceName, lineNumber, report) is { } article)
                {
                    yield return article;
                }
            }

            if (splitter.Completed || !await TryReadAsync(stream, splitter, sourceName, report, cancellationToken).ConfigureAwait(false))
            {
                yield break;
            }
        }
    }

    private static LineSplitter NewSplitter(string sourceName, Action<IngestionError> report, ArticleReaderOptions options) =>
        new(options.MaxArticleBytes, line => report(new IngestionError(sourceName, line,
            $"record is over the {options.MaxArticleBytes:N0}-byte limit (ArticleReaderOptions.MaxArticleBytes)") { Kind = IngestionErrorKind.TooLarge }));

    private static bool TryRead(Stream stream, LineSplitter splitter, string sourceName, Action<IngestionError> report)
    {
        try
        {
            splitter.Advance(stream.Read(splitter.GetFreeSpace().Span));
            return true;
        }
        catch (Exception ex) when (StreamErrors.IsStreamError(ex))
        {
            report(StreamErrors.ToError(sourceName, ex));
            return false;
        }
    }

    private static async ValueTask<bool> TryReadAsync(Stream stream, LineSplitter splitter, string sourceName, Action<IngestionError> report, CancellationToken cancellationToken)
    {
        try
        {
            splitter.Advance(await stream.ReadAsync(splitter.GetFreeSpace(), cancellationToken).ConfigureAwait(false));
            return true;
        }
        catch (Exception ex) when (StreamErrors.IsStreamError(ex))
        {
            report(StreamErrors.ToError(sourceName, ex));
            return false;
        }
    }

    private static Article? Parse(ReadOnlyMemory<byte> line, string sourceName, int lineNumber, Action<IngestionError> report)
    {
        var span = line.Span;
        if (span.Length > 0 && span[^1] == (byte)'\r')
        {
            line = line[..^1];
            span = line.Span;
        }

        if (lineNumber == 1 && span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            line = line[3..];
            span = line.Span;
        }

        if (span.Trim((byte)' ').IsEmpty)
        {
            return null; // blank lines between records are allowed
        }

        if (!System.Text.Unicode.Utf8.IsValid(span))
        {
            TextDecoding.TryDecodeUtf8(span, lineNumber, out _, out _, out var utf8Error);
            report(new IngestionError(sourceName, lineNumber, utf8Error!) { Kind = IngestionErrorKind.InvalidText });
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                report(new IngestionError(sourceName, lineNumber, $"expected a JSON object, found {root.ValueKind}") { Kind = IngestionErrorKind.InvalidJson });
                return null;
            }

            var id = root.TryGetProperty("id", out var idValue) ? idValue.ValueKind switch
            {
                JsonValueKind.String => GetString(idValue, "id"),
                JsonValueKind.Number when idValue.TryGetInt64(out var n) => n.ToString(CultureInfo.InvariantCulture),
                _ => throw new FieldException("id", "a string", idValue.ValueKind),
            } : null;
            if (string.IsNullOrWhiteSpace(id))
            {
                report(new IngestionError(sourceName, lineNumber, "missing required field 'id'") { Kind = IngestionErrorKind.MissingField });
                return null;
            }

            var published = OptionalString(root, "published") ?? OptionalString(root, "date");
            DateTimeOffset? date = null;
            if (!string.IsNullOrWhiteSpace(published) && !NewsDates.IsBareYear(published))
            {
                if (!NewsDates.TryParse(published, out var parsed))
                {
                    report(new IngestionError(sourceName, lineNumber, $"field 'published' is not a date: \"{Shorten(published)}\"") { Kind = IngestionErrorKind.InvalidDate });
                    return null;
                }

                date = parsed;
            }

            var article = new Article(id, OptionalString(root, "title") ?? string.Empty, OptionalString(root, "body") ?? string.Empty)
            {
                Published = date,
                Source = NullIfEmpty(OptionalString(root, "source")),
                Url = NullIfEmpty(OptionalString(root, "url")),
                Dateline = NullIfEmpty(OptionalString(root, "dateline")),
                Authors = Authors(root),
            };
            if (ArticleValidation.Check(article) is { } invalid)
            {
                report(new IngestionError(sourceName, lineNumber, invalid) { Kind = IngestionErrorKind.InvalidId });
                return null;
            }

            return article;
        }
        catch (JsonException ex)
        {
            var position = ex.BytePositionInLine is { } column ? $" at column {column + 1}" : string.Empty;
            report(new IngestionError(sourceName, lineNumber, $"not valid JSON{position}: {FirstSentence(ex.Message)}") { Kind = IngestionErrorKind.InvalidJson });
            return null;
        }
        catch (FieldException ex)
        {
            report(new IngestionError(sourceName, lineNumber, ex.Message) { Kind = IngestionErrorKind.InvalidField });
            return null;
        }
    }

    private static string? OptionalString(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String ? GetString(value, name) : throw new FieldException(name, "a string", value.ValueKind);
    }

    /// <summary>
    /// The string value; a <c>\uD800</c>-style escape that leaves a lone surrogate makes the record an error naming the
    /// field (decided: rejected, not repaired to U+FFFD, so two ids that differ only there cannot collide and no text
    /// is silently altered).
    /// </summary>
    private static string GetString(JsonElement value, string name)
    {
        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw new FieldException($"field '{name}' contains a lone UTF-16 surrogate escape (such as \\ud800): not valid Unicode text");
        }
    }

    private static string Shorten(string value) => value.Length <= 80 ? value : value[..80] + "…";

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string[] Authors(JsonElement root)
    {
        foreach (var name in (string[])["authors", "author"])
        {
            if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            return value.ValueKind switch
            {
                JsonValueKind.String => string.IsNullOrWhiteSpace(GetString(value, name)) ? [] : [GetString(value, name).Trim()],
                JsonValueKind.Array => value.EnumerateArray().Select(a => a.ValueKind == JsonValueKind.String
                    ? GetString(a, name).Trim()
                    : throw new FieldException(name, "an array of strings", a.ValueKind)).Where(a => a.Length > 0).ToArray(),
                _ => throw new FieldException(name, "a string or an array of strings", value.ValueKind),
            };
        }

        return [];
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message.TrimEnd('.');
    }

    private sealed class FieldException : Exception
    {
        public FieldException(string message) : base(message)
        {
        }

        public FieldException(string field, string expected, JsonValueKind found)
            : base($"field '{field}' must be {expected}, found {found.ToString().ToLowerInvariant()}")
        {
        }
    }
}
