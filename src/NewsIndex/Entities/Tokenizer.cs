using System.Globalization;
using System.Text;

namespace NewsIndex.Entities;

/// <summary>
/// Splits text into words for alias matching: lower-cased, diacritics folded, <c>’s</c>/<c>'s</c> possessives
/// split off, inner apostrophes dropped (<c>Qa'ida</c> = <c>Qaida</c>), <c>U.S.</c> kept as one word (<c>us</c>), glued camel-case words (<c>RussianTroopsArrive</c>) split,
/// hyphens as separators (<c>US-occupied</c> is <c>US</c> + <c>occupied</c>). Allocation-free per token.
/// </summary>
internal static class Tokenizer
{
    private const int MaxTokenLength = 64;
    private static readonly char[] FoldTable = BuildFoldTable();

    /// <summary>Tokenizes <paramref name="text"/> into <paramref name="tokens"/> (grown as needed); returns the count.</summary>
    public static int Tokenize(string text, ref Token[] tokens, Vocabulary vocabulary, List<string>? normalForms = null)
    {
        Span<char> scratch = stackalloc char[MaxTokenLength];
        var count = 0;
        var sentenceStart = true;
        var afterComma = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (!IsWordChar(c))
            {
                if (c is '.' or '!' or '?' && (i + 1 >= text.Length || char.IsWhiteSpace(text[i + 1]) || text[i + 1] is '"' or '”' or '’' or '\''))
                {
                    sentenceStart = true;
                }
                else if (c == '\n' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    sentenceStart = true;
                }
                else if (c == ',')
                {
                    afterComma = true;
                }

                i++;
                continue;
            }

            var start = i;
            var length = 0;
            var flags = TokenFlags.None;
            var upper = 0;
            var letters = 0;
            var digits = 0;
            var hash = Vocabulary.FnvOffset; // of the normal form, computed as it is written
            if (i + 1 < text.Length && text[i + 1] == '.' && IsLetter(c) && IsAbbreviation(text, i, out var abbreviationEnd))
            {
                // U.S., U.K., U.S.A.: one token of the letters, so "U.S." and "US" normalise alike.
                for (var k = i; k < abbreviationEnd; k += 2)
                {
                    if (length < MaxTokenLength)
                    {
                        var folded = Fold(text[k]);
                        scratch[length++] = folded;
                        hash = (hash ^ folded) * Vocabulary.FnvPrime;
                    }

                    letters++;
                    upper += char.IsUpper(text[k]) ? 1 : 0;
                }

                i = abbreviationEnd;
            }
            else
            {
                while (i < text.Length)
                {
                    var ch = text[i];
                    if ((uint)(ch - 'a') <= 'z' - 'a')
                    {
                        // Fast path: an ASCII lower-case letter (most characters of news text) needs no other test.
                        letters++;
                        if (length < MaxTokenLength)
                        {
                            scratch[length++] = ch;
                            hash = (hash ^ ch) * Vocabulary.FnvPrime;
                        }

                        i++;
                        continue;
                    }

                    if (IsLetter(ch))
                    {
                        // Glued words: "RussianTroopsArrive" splits before "Troops" (a lower-to-upper step after 3+ letters).
                        var isUpper = IsUpper(ch);
                        if (isUpper && letters >= 3 && IsLower(text[i - 1]) && i + 1 < text.Length && IsLower(text[i + 1]))
                        {
                            break;
                        }

                        letters++;
                        upper += isUpper ? 1 : 0;
                    }
                    else if (char.IsAsciiDigit(ch) || (ch > 127 && char.IsDigit(ch)))
                    {
                        digits++;
                    }
                    else if (ch is ',' or '.' && digits > 0 && letters == 0 && i + 1 < text.Length && char.IsDigit(text[i + 1]))
                    {
                        i++; // 1,000 and 2.5 stay one number; the separator is not part of the normal form
                        continue;
                    }
                    else if (ch is '\'' or '’' or '‘' && i + 1 < text.Length && char.IsLetter(text[i + 1]))
                    {
                        if (text[i + 1] is 's' or 'S' && (i + 2 >= text.Length || !char.IsLetterOrDigit(text[i + 2])))
                        {
                            flags |= TokenFlags.Possessive;
                            break;
                        }

                        // Inner apostrophes are dropped from the normal form: "al-Qa'ida" and "al-Qaida", "Jama'at" and "Jamaat" match alike.
                        i++;
                        continue;
                    }
                    else
                    {
                        break;
                    }

                    if (length < MaxTokenLength)
                    {
                        var folded = Fold(ch);
                        scratch[length++] = folded;
                        hash = (hash ^ folded) * Vocabulary.FnvPrime;
                    }

                    i++;
                }
            }

            var end = i;
            if ((flags & TokenFlags.Possessive) != 0)
            {
                i += 2; // skip 's
            }

            if (letters > 0 && IsUpper(text[start]))
            {
                flags |= TokenFlags.Capitalized;
            }

            if (letters > 0 && upper == letters)
            {
                flags |= TokenFlags.AllUpper;
            }
            else if (upper > ((flags & TokenFlags.Capitalized) != 0 ? 1 : 0))
            {
                flags |= TokenFlags.InnerUpper;
            }

            if (letters == 0)
            {
                flags |= TokenFlags.Numeric;
            }

            if (sentenceStart)
            {
                flags |= TokenFlags.SentenceStart;
            }

            if (afterComma)
            {
                flags |= TokenFlags.AfterComma;
            }

            sentenceStart = false;
            afterComma = false;
            if (count == tokens.Length)
            {
                Array.Resize(ref tokens, tokens.Length * 2);
            }

            var symbol = length < MaxTokenLength ? vocabulary.Find(scratch[..length], hash) : -1;
            normalForms?.Add(new string(scratch[..length]));
            tokens[count++] = new Token { Start = start, End = end, Symbol = symbol, Flags = flags };
        }

        return count;
    }

    /// <summary>The normal forms and flags of the words of an alias, for building the trie (same rules as tagging).</summary>
    public static List<(string Word, TokenFlags Flags)> Words(string alias)
    {
        var forms = new List<string>();
        var tokens = new Token[8];
        var count = Tokenize(alias, ref tokens, EmptyVocabulary, forms);
        return Enumerable.Range(0, count).Select(t => (forms[t], tokens[t].Flags)).ToList();
    }

    private static readonly Vocabulary EmptyVocabulary = new();

    // ASCII fast paths: news text is overwhelmingly ASCII, and the general Unicode category lookups dominate otherwise.
    private static bool IsWordChar(char c) => c < 128 ? char.IsAsciiLetterOrDigit(c) : char.IsLetterOrDigit(c);

    /// <summary>A letter (ASCII fast path).</summary>
    internal static bool IsLetter(char c) => c < 128 ? char.IsAsciiLetter(c) : char.IsLetter(c);

    /// <summary>An upper-case letter (ASCII fast path).</summary>
    internal static bool IsUpper(char c) => c < 128 ? char.IsAsciiLetterUpper(c) : char.IsUpper(c);

    /// <summary>A lower-case letter (ASCII fast path).</summary>
    internal static bool IsLower(char c) => c < 128 ? char.IsAsciiLetterLower(c) : char.IsLower(c);

    /// <summary>True when a dotted abbreviation (<c>U.S.</c>, <c>U.S.A.</c>: two or more single letters each followed by a
    /// dot) starts at <paramref name="i"/>; <paramref name="end"/> is just past its last dot.</summary>
    internal static bool IsAbbreviation(ReadOnlySpan<char> text, int i, out int end)
    {
        // letter '.' letter '.' (at least two letters): U.S., U.S.A., U.K.
        end = i;
        var letters = 0;
        while (end + 1 < text.Length && char.IsLetter(text[end]) && text[end + 1] == '.' && (end == i || text[end - 1] == '.'))
        {
            letters++;
            end += 2;
            if (end < text.Length && !char.IsLetter(text[end]))
            {
                break;
            }
        }

        // Capitals with the last dot left off, as hurried copy writes them: "U.S warship", "U.K-based".
        if (letters >= 1 && end < text.Length && IsUpper(text[end]) && IsUpper(text[i]) &&
            (end + 1 >= text.Length || (!char.IsLetterOrDigit(text[end + 1]) && text[end + 1] != '.')))
        {
            letters++;
            end++;
        }

        return letters >= 2 && (end >= text.Length || !char.IsLetterOrDigit(text[end]));
    }

    private static char Fold(char c)
    {
        if (c < 128)
        {
            return c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c;
        }

        return c < FoldTable.Length ? FoldTable[c] : char.ToLowerInvariant(c);
    }

    private static char[] BuildFoldTable()
    {
        var table = new char[0x250];
        for (var c = 0; c < table.Length; c++)
        {
            var lower = char.ToLowerInvariant((char)c);
            var decomposed = lower.ToString().Normalize(NormalizationForm.FormD);
            var baseChar = decomposed.FirstOrDefault(ch => CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.NonSpacingMark);
            table[c] = baseChar == default ? lower : baseChar;
        }

        table['ß'] = 'ß';

        // Letters with a stroke have no decomposition, but English text writes them plain: "Lodz" for Łódź, "Tromso" for
        // Tromsø, "Dakovo" for Đakovo, "Isparta" for Isparta's dotless ı.
        foreach (var (letter, plain) in (ReadOnlySpan<(char, char)>)[('ł', 'l'), ('Ł', 'l'), ('ø', 'o'), ('Ø', 'o'), ('đ', 'd'), ('Đ', 'd'), ('ħ', 'h'), ('Ħ', 'h'), ('ı', 'i'), ('ŧ', 't'), ('Ŧ', 't')])
        {
            table[letter] = plain;
        }

        return table;
    }
}
