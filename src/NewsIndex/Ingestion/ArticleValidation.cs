using System.Text;

namespace NewsIndex.Ingestion;

/// <summary>
/// Checks what every reader produces before it leaves ingestion: ids and sources are indexed as single terms, so
/// they must be valid UTF-16 (two ids that differ only in lone surrogates would otherwise encode to the same bytes
/// and silently replace each other) and at most 32,766 UTF-8 bytes (Lucene's term limit).
/// </summary>
internal static class ArticleValidation
{
    /// <summary>Lucene's largest indexed term, in UTF-8 bytes.</summary>
    public const int MaxTermBytes = 32_766;

    /// <summary>Null when the article can be indexed; otherwise what is wrong with it.</summary>
    public static string? Check(Article article) =>
        CheckTerm("id", article.Id) ?? (article.Source is { } source ? CheckTerm("source", source) : null);

    /// <summary>Null when <paramref name="value"/> is a valid single term; otherwise why not.</summary>
    public static string? CheckTerm(string field, string value)
    {
        var invalid = IndexOfInvalidUtf16(value);
        if (invalid >= 0)
        {
            return $"{field} contains a lone UTF-16 surrogate (U+{(int)value[invalid]:X4} at char {invalid}): ids and sources must be valid Unicode";
        }

        var bytes = Encoding.UTF8.GetByteCount(value);
        return bytes > MaxTermBytes
            ? $"{field} is {bytes:N0} UTF-8 bytes, over the index's {MaxTermBytes:N0}-byte limit for one term"
            : null;
    }

    /// <summary>Index of the first lone surrogate, or -1 when the string is valid UTF-16.</summary>
    public static int IndexOfInvalidUtf16(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return i;
            }
        }

        return -1;
    }
}
