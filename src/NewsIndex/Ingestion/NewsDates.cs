using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsIndex.Ingestion;

/// <summary>
/// The one date finder of ingestion: parses the date expressions news pages and feeds really carry
/// (<c>Aug 15, 2022</c>, <c>15 Aug 2022 10:32 GMT</c>, <c>Monday 15 August 2022 10.32 BST</c>,
/// <c>10:32 AM EDT, Mon August 15, 2022</c>, <c>03 May 2024, 01:49 PM</c>, RFC 1123/822, ISO 8601) and the date
/// lines around them (<c>Published: …</c>, <c>Updated …</c>, <c>By Jane Doe | August 15, 2022</c>,
/// <c>Aug 15, 2022 — GAO, Mali</c>). Used by the plain-text, HTML and feed readers alike.
/// </summary>
/// <remarks>
/// Times without a zone are taken as UTC. Zone abbreviations are the unambiguous ones of English-language news
/// (GMT, UTC, BST, CET/CEST, EET/EEST, WAT, CAT, EAT, SAST, MSK, US zones, JST, AEST/AEDT) plus numeric offsets;
/// anything else makes the expression unparsed rather than guessed. A bare year (<c>2022</c>) is not a date: it is
/// recognised (<see cref="IsBareYear"/>) so callers keep the article undated instead of rejecting it.
/// Stateless and thread-safe.
/// </remarks>
internal static partial class NewsDates
{
    private const int MaxDateLineLength = 120;

    private static readonly Dictionary<string, TimeSpan> Zones = new(StringComparer.OrdinalIgnoreCase)
    {
        ["GMT"] = TimeSpan.Zero, ["UTC"] = TimeSpan.Zero, ["UT"] = TimeSpan.Zero, ["Z"] = TimeSpan.Zero,
        ["BST"] = TimeSpan.FromHours(1), ["CET"] = TimeSpan.FromHours(1), ["CEST"] = TimeSpan.FromHours(2),
        ["WAT"] = TimeSpan.FromHours(1), ["CAT"] = TimeSpan.FromHours(2), ["SAST"] = TimeSpan.FromHours(2),
        ["EET"] = TimeSpan.FromHours(2), ["EEST"] = TimeSpan.FromHours(3), ["EAT"] = TimeSpan.FromHours(3),
        ["MSK"] = TimeSpan.FromHours(3), ["JST"] = TimeSpan.FromHours(9), ["AEST"] = TimeSpan.FromHours(10),
        ["AEDT"] = TimeSpan.FromHours(11), ["EST"] = TimeSpan.FromHours(-5), ["EDT"] = TimeSpan.FromHours(-4),
        ["CST"] = TimeSpan.FromHours(-6), ["CDT"] = TimeSpan.FromHours(-5), ["MST"] = TimeSpan.FromHours(-7),
        ["MDT"] = TimeSpan.FromHours(-6), ["PST"] = TimeSpan.FromHours(-8), ["PDT"] = TimeSpan.FromHours(-7),
    };

    private static readonly string[] Months =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>Parses one date expression (the whole of <paramref name="text"/>, trimmed) to UTC.</summary>
    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var candidate = text.Trim();
        if (candidate.Length > MaxDateLineLength)
        {
            return false;
        }

        if (IsoDate().IsMatch(candidate))
        {
            if (DateTimeOffset.TryParse(candidate, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var iso))
            {
                value = iso;
                return true;
            }

            return false;
        }

        var match = WrittenDate().Match(candidate);
        return match.Success && TryBuild(match, out value);
    }

    /// <summary>True for a bare four-digit year such as <c>2022</c>: a date too vague to index, not an error.</summary>
    public static bool IsBareYear(string? text) => text is not null && BareYear().IsMatch(text.Trim());

    /// <summary>
    /// Reads a whole line as a date line: an optional label (<c>Published:</c>, <c>Updated</c>, <c>Posted on</c> …),
    /// the date, and optionally a byline part (<c>By Jane Doe |</c>) and a dateline place (<c>— GAO, Mali</c>),
    /// separated by <c>|</c>, <c>—</c>, <c>–</c>, <c>·</c> or <c>•</c>. Ordinary sentences that merely contain a date
    /// are not date lines.
    /// </summary>
    public static bool TryParseLine(string line, out DateLine result)
    {
        result = default;
        if (line.Length == 0 || line.Length > MaxDateLineLength)
        {
            return false;
        }

        DateTimeOffset? date = null;
        string[] authors = [];
        string? place = null;
        foreach (var rawPart in Separators().Split(line))
        {
            var part = Label().Replace(rawPart.Trim(), string.Empty).Trim();
            if (part.Length == 0)
            {
                continue;
            }

            if (date is null && TryParse(part, out var parsed))
            {
                date = parsed;
                continue;
            }

            var by = ByPart().Match(part);
            if (by.Success && authors.Length == 0)
            {
                authors = SplitNames(by.Groups["names"].Value);
                continue;
            }

            if (date is not null && place is null && Place().IsMatch(part))
            {
                place = part;
                continue;
            }

            return false; // something else on the line: it is text, not a date line
        }

        if (date is null)
        {
            return false;
        }

        result = new DateLine(date.Value, authors, place);
        return true;
    }

    /// <summary>Splits a byline's names: <c>Jane Doe and John Roe</c>, <c>A, B &amp; C</c>.</summary>
    public static string[] SplitNames(string names) =>
        names.Split([",", " and ", ";", "&"], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(n => n.Length > 1)
            .ToArray();

    private static bool TryBuild(Match match, out DateTimeOffset value)
    {
        value = default;
        var month = Array.IndexOf(Months, match.Groups["m"].Value[..3].ToLowerInvariant()) + 1;
        var day = int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture);
        var year = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
        if (month < 1 || year < 1 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        int hour = 0, minute = 0, second = 0;
        if (match.Groups["h"].Success)
        {
            hour = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
            minute = int.Parse(match.Groups["mi"].Value, CultureInfo.InvariantCulture);
            second = match.Groups["s"].Success ? int.Parse(match.Groups["s"].Value, CultureInfo.InvariantCulture) : 0;
            if (match.Groups["ap"].Success)
            {
                if (hour is < 1 or > 12)
                {
                    return false;
                }

                var pm = char.ToUpperInvariant(match.Groups["ap"].Value[0]) == 'P';
                hour = hour % 12 + (pm ? 12 : 0);
            }

            if (hour > 23 || minute > 59 || second > 59)
            {
                return false;
            }
        }

        var offset = TimeSpan.Zero;
        if (match.Groups["z"].Success && !TryZone(match.Groups["z"].Value, out offset))
        {
            return false;
        }

        value = new DateTimeOffset(year, month, day, hour, minute, second, offset).ToUniversalTime();
        return true;
    }

    private static bool TryZone(string zone, out TimeSpan offset)
    {
        if (Zones.TryGetValue(zone, out offset))
        {
            return true;
        }

        var numeric = NumericZone().Match(zone);
        if (!numeric.Success)
        {
            return false;
        }

        var hours = int.Parse(numeric.Groups["hh"].Value, CultureInfo.InvariantCulture);
        var minutes = numeric.Groups["mm"].Success ? int.Parse(numeric.Groups["mm"].Value, CultureInfo.InvariantCulture) : 0;
        if (hours > 14 || minutes > 59)
        {
            return false;
        }

        offset = new TimeSpan(hours, minutes, 0) * (numeric.Groups["sign"].Value == "-" ? -1 : 1);
        return true;
    }

    private const string Weekday = @"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\.?,?\s+";
    private const string Month = @"(?<m>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";
    private const string Time = @"(?<h>\d{1,2})[:.](?<mi>\d{2})(?:[:.](?<s>\d{2}))?(?:\s*(?<ap>[ap]\.?m\.?))?";
    private const string Zone = @"(?<z>[a-z]{1,4}|(?:gmt|utc)?\s*[+-]\d{1,2}(?::?\d{2})?)";

    [GeneratedRegex(
        "^(?:" + Weekday + ")?" +
        "(?:" + Time + @"(?:\s*" + Zone + @")?\s*,?\s+(?:on\s+)?(?:" + Weekday + ")?)?" +
        "(?:(?<d>\\d{1,2})(?:st|nd|rd|th)?\\s+" + Month + ",?\\s+(?<y>\\d{4})" +
        "|" + Month + "\\s+(?<d>\\d{1,2})(?:st|nd|rd|th)?,?\\s+(?<y>\\d{4}))" +
        @"(?:\s*(?:,|at|-|\s)\s*(?<!\d)" + Time + ")?" +
        @"(?:\s*\(?" + Zone + @"\)?)?\.?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WrittenDate();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^\d{4}$", RegexOptions.CultureInvariant)]
    private static partial Regex BareYear();

    [GeneratedRegex(@"^(?:gmt|utc)?\s*(?<sign>[+-])(?<hh>\d{1,2})(?::?(?<mm>\d{2}))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NumericZone();

    [GeneratedRegex(@"\s+[|—–·•]\s+|\s*\|\s*|\s+[—–]\s*|\s*[—–]\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Separators();

    [GeneratedRegex(@"^(?:(?:first\s+)?published|(?:last\s+)?updated|(?:last\s+)?modified|posted|date|released)(?:\s+(?:on|at))?\s*:?\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Label();

    [GeneratedRegex(@"^By\s+(?<names>\p{Lu}[\p{L}’'.\- ,&]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex ByPart();

    [GeneratedRegex(@"^\p{Lu}[\p{Lu} .'’-]{1,40}(?:,\s*\p{Lu}[\p{L} .'’-]{0,40})?$", RegexOptions.CultureInvariant)]
    private static partial Regex Place();
}

/// <summary>What a date line holds: the date, any byline names on it and a dateline place after it.</summary>
internal readonly record struct DateLine(DateTimeOffset Date, string[] Authors, string? Place);
