using System.Text;
using System.Text.RegularExpressions;

namespace NewsIndex.Ingestion;

/// <summary>
/// Reads a plain-text news page as scraped from the web: finds the headline, byline, date, dateline and source
/// attribution that are really there, and drops page furniture (share buttons, "Updated On", "What's Your Take?" …)
/// without losing article text.
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
public static partial class PlainTextArticleParser
{
    private const int MaxTitleLength = 200;
    private const int HeaderLines = 3;
    private const int MaxDatelineOffset = 600;

    /// <summary>Parses one article. <paramref name="text"/> may use LF or CRLF line ends and start with a BOM.</summary>
    /// <param name="id">The article id (for files: the file name without extension).</param>
    /// <param name="text">The whole file as text.</param>
    public static Article Parse(string id, string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(text);

        var lines = text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var authors = new List<string>();
        DateTimeOffset? published = null;
        string? source = null;
        string title = string.Empty;
        var kept = new List<string>(lines.Length);
        var meaningfulSeen = 0;
        var afterAuthorImage = false;
        string? datelinePlace = null;

        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                kept.Add(string.Empty);
                continue;
            }

            if (AuthorImage().IsMatch(line))
            {
                afterAuthorImage = true;
                continue;
            }

            if (afterAuthorImage && PersonName().IsMatch(line))
            {
                authors.Add(line);
                afterAuthorImage = false;
                continue;
            }

            afterAuthorImage = false;
            if (Furniture().IsMatch(line) || (meaningfulSeen < 8 && SectionLabel().IsMatch(line)))
            {
                continue;
            }

            if (published is null && NewsDates.TryParseLine(line, out var dateLine))
            {
                published = dateLine.Date;
                authors.AddRange(dateLine.Authors);
                datelinePlace ??= dateLine.Place;
                continue;
            }

            var by = ByLine().Match(line);
            if (by.Success && meaningfulSeen < HeaderLines + 2)
            {
                authors.AddRange(NewsDates.SplitNames(by.Groups["names"].Value));
                continue;
            }

            var contributed = ContributedBy().Match(line);
            if (contributed.Success)
            {
                authors.AddRange(NewsDates.SplitNames(contributed.Groups["names"].Value));
                continue;
            }

            if (meaningfulSeen < HeaderLines && title.Length == 0 && PersonName().IsMatch(line))
            {
                authors.Add(line);
                meaningfulSeen++;
                continue;
            }

            meaningfulSeen++;
            if (title.Length == 0 && kept.TrueForAll(string.IsNullOrEmpty) && IsHeadline(line))
            {
                title = line;
                continue;
            }

            if (title.Length > 0 && string.Equals(line, title, StringComparison.Ordinal))
            {
                continue; // the headline repeated by the page template
            }

            kept.Add(line);
        }

        // A trailing "— BBC" attributes the story; it is metadata, not text.
        for (var i = kept.Count - 1; i >= 0; i--)
        {
            if (kept[i].Length == 0)
            {
                continue;
            }

            var attribution = TrailingSource().Match(kept[i]);
            if (attribution.Success)
            {
                source = attribution.Groups["source"].Value;
                kept[i] = kept[i][..attribution.Index].TrimEnd();
            }

            break;
        }

        var body = JoinParagraphs(kept);
        return new Article(id, title, body)
        {
            Published = published,
            Source = source,
            Authors = authors.Distinct(StringComparer.Ordinal).ToArray(),
            Dateline = FindDateline(body) ?? datelinePlace,
        };
    }

    /// <summary>The dateline place at the start of one of the first paragraphs (<c>NIAMEY —</c>), if any.</summary>
    internal static string? FindDateline(string body) =>
        FindDatelineSpan(body) is { } span ? body.Substring(span.Start, span.Length) : null;

    /// <summary>
    /// Where the dateline place stands in <paramref name="body"/>: at the start of one of the first paragraphs, in
    /// capitals, before a dash (<c>NIAMEY —</c>, <c>SYDNEY - </c>), optionally with a date or state after a comma and a
    /// news agency in parentheses (<c>BRASILIA, Oct 30 (Reuters) -</c>, <c>WASHINGTON (AP) —</c>).
    /// </summary>
    internal static (int Start, int Length)? FindDatelineSpan(string body)
    {
        var dateline = Dateline().Match(body, 0, Math.Min(body.Length, MaxDatelineOffset + 150));
        if (!dateline.Success || dateline.Index > MaxDatelineOffset)
        {
            return null;
        }

        // The place, with its state or country after a comma ("AUGUSTA, Georgia", "VALENCIA, Spain") but not a date.
        var place = dateline.Groups["place"];
        var qualifier = dateline.Groups["qualifier"];
        var end = qualifier.Success && qualifier.Value.Trim() is { Length: > 0 } q && !char.IsDigit(q[0]) && !StartsWithMonth(q)
            ? qualifier.Index + qualifier.Value.TrimEnd().Length
            : place.Index + place.Value.TrimEnd().Length;
        return end > place.Index ? (place.Index, end - place.Index) : null;
    }

    private static readonly string[] Months =
    [
        "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june", "jul", "july", "aug", "august", "sep",
        "sept", "september", "oct", "october", "nov", "november", "dec", "december",
    ];

    private static bool StartsWithMonth(string text)
    {
        var word = text.AsSpan(0, text.AsSpan().IndexOfAnyExcept(Letters) is var end and >= 0 ? end : text.Length);
        foreach (var month in Months)
        {
            if (word.Equals(month, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly System.Buffers.SearchValues<char> Letters = System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");

    private static bool IsHeadline(string line) =>
        line.Length <= MaxTitleLength && !line.EndsWith('.') && !line.EndsWith(':') && char.IsLetterOrDigit(line[0]);

    private static string JoinParagraphs(List<string> lines)
    {
        var builder = new StringBuilder();
        var pendingBreak = false;
        foreach (var line in lines)
        {
            if (line.Length == 0)
            {
                pendingBreak = builder.Length > 0;
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append(pendingBreak ? "\n\n" : "\n");
            }

            builder.Append(line);
            pendingBreak = false;
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"^(?:(?:twitter|facebook|instagram|youtube|telegram|whatsapp|linkedin|email|reddit|x)\s+)?icon sharing$|^(?:updated on|new update|what[’']s your take\??|expanded coverage:?|share this article|share on (?:facebook|twitter|x)|advertisement|read more:?|follow us on .*|sign up for .*newsletter.*|listen to this article|print this article|copy link)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Furniture();

    [GeneratedRegex(@"^author-?image$|^author photo$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AuthorImage();

    [GeneratedRegex(@"^[a-z]{3,20}$", RegexOptions.CultureInvariant)]
    private static partial Regex SectionLabel();

    [GeneratedRegex(@"^(?:\p{Lu}[\p{Ll}’'.]*(?:-\p{Lu}?[\p{Ll}’'.]+)*|\p{Lu}\.)(?: (?:\p{Lu}[\p{Ll}’'.]*(?:-\p{Lu}?[\p{Ll}’'.]+)*|\p{Lu}\.)){1,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex PersonName();

    [GeneratedRegex(@"^By (?<names>\p{Lu}[\p{L}’'.\- ,&]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex ByLine();

    [GeneratedRegex(@"^\(?(?:Additional )?(?:Reporting|Reported|Writing)(?: contributed)? by (?<names>[^;()]+?)(?:;.*)?\)?\.?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ContributedBy();

    [GeneratedRegex(@"(?<=[.!?”""])\s+[—–]\s*(?<source>\p{Lu}[\p{L}&.]*(?: \p{Lu}[\p{L}&.]*){0,3})$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingSource();

    [GeneratedRegex(@"^(?<place>\p{Lu}[\p{Lu} .'’-]{2,40}?)(?:,(?<qualifier>[^\n—–(]{1,40}?))?(?:[ \t]+\([\p{L}&. ]{2,30}\))?[ \t]+[—–-][ \t]", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex Dateline();
}
