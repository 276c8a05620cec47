namespace NewsIndex.Stories;

/// <summary>
/// Normalised words for story matching, without allocating a string per word: letters and digits, lower-cased,
/// Latin accents folded, a possessive <c>'s</c> dropped and a plural <c>s</c> stripped (so <c>shootings</c> and
/// <c>shooting</c> meet); each word becomes a 32-bit FNV-1a hash.
/// </summary>
internal static class StoryText
{
    private const int MaxWordLength = 48;
    private const uint FnvOffset = 2166136261;
    private const uint FnvPrime = 16777619;

    private static readonly HashSet<uint> StopWords = BuildStopWords();

    // Capitalised, but no name: every report of the week shares them.
    private static readonly HashSet<uint> CalendarWords =
    [
        .. "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december"
            .Split(' ').Select(w => Hash(w.Length > 3 && w[^1] == 's' ? w[..^1] : w)),
    ];

    // "Seven wounded" and "7 shot" report the same count.
    private static readonly Dictionary<uint, uint> NumberWords = new[]
    {
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
    }.Select((w, i) => (w, i)).ToDictionary(p => Hash(p.w), p => Hash(p.i.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>
    /// The headline without the outlet's furniture: of the segments split by <c> - </c>, <c> | </c>, <c> – </c>,
    /// <c> — </c> or <c> :: </c>, the longest (<c>Man shot in Richmond - NBC12 - WWBT - Richmond, VA News</c> keeps the first).
    /// </summary>
    public static string MainTitle(string title)
    {
        var bestStart = 0;
        var bestLength = 0;
        var start = 0;
        for (var i = 0; i <= title.Length; i++)
        {
            var separator = i == title.Length ? 0 : SeparatorLength(title, i);
            if (i < title.Length && separator == 0)
            {
                continue;
            }

            if (i - start > bestLength)
            {
                (bestStart, bestLength) = (start, i - start);
            }

            if (i == title.Length)
            {
                break;
            }

            start = i + separator;
            i = start - 1;
        }

        return bestStart == 0 && bestLength == title.Length ? title : title.Substring(bestStart, bestLength);
    }

    private static int SeparatorLength(string text, int i)
    {
        if (text[i] != ' ' || i + 2 >= text.Length)
        {
            return 0;
        }

        if (text[i + 1] is '-' or '|' or '–' or '—' && text[i + 2] == ' ')
        {
            return 3;
        }

        return text[i + 1] == ':' && text[i + 2] == ':' && i + 3 < text.Length && text[i + 3] == ' ' ? 4 : 0;
    }

    /// <summary>A word: its hash, whether it is a stop word, and whether it looks like a name (capitalised mid-sentence).</summary>
    public readonly record struct Word(uint Hash, bool IsStopWord, bool IsCapitalised, bool StartsSentence);

    /// <summary>Calls <paramref name="onWord"/> for up to <paramref name="maxWords"/> words of <paramref name="text"/>.</summary>
    /// <returns>The number of words produced.</returns>
    public static int ForEachWord<TState>(string text, int maxWords, ref TState state, WordAction<TState> onWord)
    {
        Span<char> buffer = stackalloc char[MaxWordLength];
        var count = 0;
        var sentenceStart = true;
        var i = 0;
        while (i < text.Length && count < maxWords)
        {
            var c = text[i];
            if (!char.IsLetterOrDigit(c))
            {
                if (c is '.' or '!' or '?' or '\n' or ':' or '"' or '“' or '—' or '–' or '|' or '(')
                {
                    sentenceStart = true;
                }

                i++;
                continue;
            }

            var capitalised = char.IsUpper(c);
            var length = 0;
            while (i < text.Length)
            {
                var ch = text[i];
                if (char.IsLetterOrDigit(ch))
                {
                    if (length < MaxWordLength)
                    {
                        buffer[length++] = Fold(ch);
                    }

                    i++;
                }
                else if (ch is '\'' or '’' && i + 1 < text.Length && char.IsLetter(text[i + 1]))
                {
                    // Griego's → griego; don't → dont.
                    if (i + 2 >= text.Length || !char.IsLetter(text[i + 2]) && text[i + 1] is 's' or 'S')
                    {
                        i += 2;
                        break;
                    }

                    i++;
                }
                else
                {
                    break;
                }
            }

            var word = buffer[..length];
            if (word.Length > 3 && word[^1] == 's' && word[^2] != 's' && word[^2] != 'u' && word[^2] != 'i')
            {
                word = word[..^1];
                if (word[^1] == 'e' && word[^2] == 'i')
                {
                    // "cities" → "citie" → "city"
                    word[^2] = 'y';
                    word = word[..^1];
                }
            }

            if (word.Length > 1 || char.IsDigit(word[0]))
            {
                var hash = Hash(word);
                if (NumberWords.TryGetValue(hash, out var digits))
                {
                    hash = digits;
                }

                onWord(ref state, new Word(hash, StopWords.Contains(hash), capitalised && !sentenceStart && !CalendarWords.Contains(hash), sentenceStart));
                count++;
            }

            sentenceStart = false;
        }

        return count;
    }

    /// <summary>FNV-1a over the UTF-16 code units of <paramref name="word"/>.</summary>
    public static uint Hash(ReadOnlySpan<char> word)
    {
        var hash = FnvOffset;
        foreach (var c in word)
        {
            hash = (hash ^ c) * FnvPrime;
        }

        return hash;
    }

    /// <summary>A strong 64-bit mix (SplitMix64 finaliser).</summary>
    public static ulong Mix(ulong x)
    {
        x ^= x >> 30;
        x *= 0xbf58476d1ce4e5b9UL;
        x ^= x >> 27;
        x *= 0x94d049bb133111ebUL;
        x ^= x >> 31;
        return x;
    }

    private static char Fold(char c)
    {
        if (c < 128)
        {
            return c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
        }

        c = char.ToLowerInvariant(c);
        return c switch
        {
            'à' or 'á' or 'â' or 'ã' or 'ä' or 'å' => 'a',
            'ç' => 'c',
            'è' or 'é' or 'ê' or 'ë' => 'e',
            'ì' or 'í' or 'î' or 'ï' => 'i',
            'ñ' => 'n',
            'ò' or 'ó' or 'ô' or 'õ' or 'ö' or 'ø' => 'o',
            'ù' or 'ú' or 'û' or 'ü' => 'u',
            'ý' or 'ÿ' => 'y',
            _ => c,
        };
    }

    private static HashSet<uint> BuildStopWords()
    {
        // English function words plus the reporting verbs every article carries; everything else is left to the IDF.
        const string words =
            "a about above after again against all also am an and any are as at be because been before being below between both but by " +
            "can could did do does doing down during each few for from further had has have having he her here hers herself him himself his " +
            "how if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours ourselves out " +
            "over own same she should so some such than that the their theirs them themselves then there these they this those through to too " +
            "under until up very was we were what when where which while who whom why will with would you your yours yourself yourselves " +
            "said say says told tell according reported update updated copyright rights reserved am pm est edt";
        var set = new HashSet<uint>();
        foreach (var word in words.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var folded = word.Length > 3 && word[^1] == 's' && word[^2] != 's' && word[^2] != 'u' && word[^2] != 'i' ? word[..^1] : word;
            set.Add(Hash(folded));
            set.Add(Hash(word));
        }

        return set;
    }

    /// <summary>Receives one word.</summary>
    public delegate void WordAction<TState>(ref TState state, Word word);
}
