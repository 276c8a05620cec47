using System.Globalization;
using System.Text;

namespace NewsIndex.Querying;

/// <summary>Printing helpers shared by the clauses: quoting and escaping so that printed queries parse back.</summary>
internal static class QuerySyntax
{
    private const string Special = "():\"\\^~*?[]{}+-!/";

    public static readonly string[] Keywords = ["AND", "OR", "NOT", "TO"];

    /// <summary>A value as a bare word when that is safe, else in double quotes.</summary>
    public static string Value(string value) =>
        value.Length > 0 && !Keywords.Contains(value, StringComparer.Ordinal) &&
        value.All(c => !char.IsWhiteSpace(c) && !Special.Contains(c, StringComparison.Ordinal) || (c is '-' or '.'))
        && value[0] is not ('-' or '+')
            ? value
            : Quote(value);

    public static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    /// <summary>A bare word with syntax characters escaped by backslashes.</summary>
    public static string Escape(string word)
    {
        var builder = new StringBuilder(word.Length + 2);
        if (Keywords.Contains(word, StringComparer.Ordinal))
        {
            builder.Append('\\');
        }

        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            if (Special.Contains(c, StringComparison.Ordinal) && !(c is '-' or '.' && i > 0) && !(c == '\'' ))
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Scope(TextScope scope) => scope switch
    {
        TextScope.Title => "title:",
        TextScope.Body => "body:",
        _ => string.Empty,
    };

    /// <summary>The longest word the index keeps (longer ones are dropped by the analyzer, so they could never match).</summary>
    internal const int MaxWordLength = 255;

    /// <summary>The largest proximity (<c>~N</c>) of a phrase.</summary>
    internal const int MaxSlop = 100;

    /// <summary>The length of the longest whitespace-separated word of <paramref name="text"/>.</summary>
    internal static int LongestWord(string text)
    {
        int longest = 0, current = 0;
        foreach (var c in text)
        {
            current = char.IsWhiteSpace(c) ? 0 : current + 1;
            longest = Math.Max(longest, current);
        }

        return longest;
    }

    /// <summary>Refuses a word the index could never match, instead of silently dropping it.</summary>
    internal static void CheckWordLengths(string text, string parameter)
    {
        if (LongestWord(text) > MaxWordLength)
        {
            throw new ArgumentException($"a word is longer than {MaxWordLength} characters; the index does not keep such words, so it could never match", parameter);
        }
    }

    /// <summary>The position of the first lone UTF-16 surrogate in <paramref name="text"/>, or -1 when it is valid text.</summary>
    internal static int FirstLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The suffix words of related forces: <c>members</c>, <c>lineage</c>, <c>members+predecessors</c>.</summary>
    internal static string Relations(ForceRelations include)
    {
        var words = new List<string>(3);
        if (include.HasFlag(ForceRelations.Members))
        {
            words.Add("members");
        }

        if (include.HasFlag(ForceRelations.Lineage))
        {
            words.Add("lineage");
        }
        else if (include.HasFlag(ForceRelations.Predecessors))
        {
            words.Add("predecessors");
        }
        else if (include.HasFlag(ForceRelations.Successors))
        {
            words.Add("successors");
        }

        return string.Join('+', words);
    }

    /// <summary>One suffix word, or null when it is not one.</summary>
    internal static ForceRelations? Relation(string word) => word.ToLowerInvariant() switch
    {
        "members" => ForceRelations.Members,
        "predecessors" => ForceRelations.Predecessors,
        "successors" => ForceRelations.Successors,
        "lineage" => ForceRelations.Lineage,
        _ => null,
    };
}
