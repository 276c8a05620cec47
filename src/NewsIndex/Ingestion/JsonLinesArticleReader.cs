using System.Buffers;
using System.Globalization;
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
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            var filled = 0;
            var lineNumber = 0;
            var skippingOversized = false;
            var eof = false;
            while (!eof || filled > 0)
            {
                if (!eof && filled < buffer.Length)
                {
                    var read = stream.Read(buffer, filled, buffer.Length - filled);
                    eof = read == 0;
                    filled += read;
                }

                var start = 0;
                while (true)
                {
                    var newline = Array.IndexOf(buffer, (byte)'\n', start, filled - start);
                    if (newline < 0)
                    {
                        break;
                    }

                    lineNumber++;
                    if (skippingOversized)
                    {
                        skippingOversized = false;
                    }
                    else if (Parse(buffer.AsMemory(start, newline - start), sourceName, lineNumber, report) is { } article)
                    {
                        yield return article;
                    }

                    start = newline + 1;
                }

                if (start > 0)
                {
                    Buffer.BlockCopy(buffer, start, buffer, 0, filled - start);
                    filled -= start;
                    continue;
                }

                if (eof)
                {
                    if (filled > 0 && !skippingOversized)
                    {
                        lineNumber++;
                        if (Parse(buffer.AsMemory(0, filled), sourceName, lineNumber, report) is { } last)
                        {
                            yield return last;
                        }
                    }

                    filled = 0;
                    continue;
                }

                if (filled == buffer.Length)
                {
                    if (buffer.Length >= options.MaxArticleBytes)
                    {
                        // One line longer than the limit: report it once, drop bytes until its end.
                        if (!skippingOversized)
                        {
                            report(new IngestionError(sourceName, lineNumber + 1, $"record is over the {options.MaxArticleBytes:N0}-byte limit (ArticleReaderOptions.MaxArticleBytes)"));
                        }

                        skippingOversized = true;
                        filled = 0;
                        continue;
                    }

                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, options.MaxArticleBytes));
                    Buffer.BlockCopy(buffer, 0, larger, 0, filled);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
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
            report(new IngestionError(sourceName, lineNumber, utf8Error!));
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                report(new IngestionError(sourceName, lineNumber, $"expected a JSON object, found {root.ValueKind}"));
                return null;
            }

            var id = root.TryGetProperty("id", out var idValue) ? idValue.ValueKind switch
            {
                JsonValueKind.String => idValue.GetString(),
                JsonValueKind.Number when idValue.TryGetInt64(out var n) => n.ToString(CultureInfo.InvariantCulture),
                _ => throw new FieldException("id", "a string", idValue.ValueKind),
            } : null;
            if (string.IsNullOrWhiteSpace(id))
            {
                report(new IngestionError(sourceName, lineNumber, "missing required field 'id'"));
                return null;
            }

            var published = OptionalString(root, "published") ?? OptionalString(root, "date");
            DateTimeOffset? date = null;
            if (!string.IsNullOrWhiteSpace(published))
            {
                if (!DateTimeOffset.TryParse(published, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
                {
                    report(new IngestionError(sourceName, lineNumber, $"field 'published' is not an ISO 8601 date: \"{published}\""));
                    return null;
                }

                date = parsed;
            }

            return new Article(id, OptionalString(root, "title") ?? string.Empty, OptionalString(root, "body") ?? string.Empty)
            {
                Published = date,
                Source = NullIfEmpty(OptionalString(root, "source")),
                Url = NullIfEmpty(OptionalString(root, "url")),
                Dateline = NullIfEmpty(OptionalString(root, "dateline")),
                Authors = Authors(root),
            };
        }
        catch (JsonException ex)
        {
            var position = ex.BytePositionInLine is { } column ? $" at column {column + 1}" : string.Empty;
            report(new IngestionError(sourceName, lineNumber, $"not valid JSON{position}: {FirstSentence(ex.Message)}"));
            return null;
        }
        catch (FieldException ex)
        {
            report(new IngestionError(sourceName, lineNumber, ex.Message));
            return null;
        }
    }

    private static string? OptionalString(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw new FieldException(name, "a string", value.ValueKind);
    }

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
                JsonValueKind.String => string.IsNullOrWhiteSpace(value.GetString()) ? [] : [value.GetString()!.Trim()],
                JsonValueKind.Array => value.EnumerateArray().Select(a => a.ValueKind == JsonValueKind.String
                    ? a.GetString()!.Trim()
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

    private sealed class FieldException(string field, string expected, JsonValueKind found)
        : Exception($"field '{field}' must be {expected}, found {found.ToString().ToLowerInvariant()}");
}
