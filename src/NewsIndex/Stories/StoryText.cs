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

    // Stop words, calendar words and number words in one table, so a word costs one lookup.
    private static readonly System.Collections.Frozen.FrozenDictionary<uint, Special> Specials = BuildSpecials();

    // One bit per 4,096 buckets of word hashes, set where a special word falls: most words skip the lookup above.
    private static readonly ulong[] SpecialBuckets = BuildSpecialBuckets();

    // Each ASCII character's folded form (lower case) when it is a letter or digit, 0 otherwise.
    private static readonly char[] AsciiWordChars = BuildAsciiWordChars();

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

    /// <summary>
    /// A word: its hash, whether it is a stop word, whether it looks like a name (capitalised mid-sentence), and whether
    /// it is a number (digits, or a number word, which reads as its digits).
    /// </summary>
    public readonly record struct Word(uint Hash, bool IsStopWord, bool IsCapitalised, bool StartsSentence, bool IsNumber = false);

    /// <summary>Reads the words of a text one at a time, without allocating.</summary>
    public ref struct WordReader(string text)
    {
        private readonly string _text = text;
        private int _position;
        private bool _sentenceStart = true;

        /// <summary>Reads the next word; false at the end of the text.</summary>
        public bool Next(out Word word)
        {
            var text = _text;
            var i = _position;
            while (i < text.Length)
            {
                var c = text[i];
                if (WordChar(c) == '\0')
                {
                    if (c is '.' or '!' or '?' or '\n' or ':' or '"' or '“' or '—' or '–' or '|' or '(')
                    {
                        _sentenceStart = true;
                    }

                    i++;
                    continue;
                }

                // The word's last three folded characters and the FNV-1a hashes before each was added are all the plural
                // rules need, so a word costs no buffer.
                var capitalised = c < 128 ? char.IsAsciiLetterUpper(c) : char.IsUpper(c);
                var first = WordChar(c);
                var length = 0;
                var hash = FnvOffset;
                uint before1 = 0, before2 = 0, before3 = 0;
                char last1 = '\0', last2 = '\0', last3 = '\0';
                while (i < text.Length)
                {
                    var ch = text[i];
                    var folded = WordChar(ch);
                    if (folded != '\0')
                    {
                        if (length < MaxWordLength)
                        {
                            (before3, before2, before1) = (before2, before1, hash);
                            (last3, last2, last1) = (last2, last1, folded);
                            hash = (hash ^ folded) * FnvPrime;
                            length++;
                        }

                        i++;
                    }
                    else if (ch is '\'' or '’' or '‘' && i + 1 < text.Length && char.IsLetter(text[i + 1]))
                    {
                        // Griego's → griego; don't → dont.
                        if ((i + 2 >= text.Length || !char.IsLetter(text[i + 2])) && text[i + 1] is 's' or 'S')
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

                if (length > 3 && last1 == 's' && last2 != 's' && last2 != 'u' && last2 != 'i')
                {
                    length--;
                    hash = before1;
                    if (last2 == 'e' && last3 == 'i')
                    {
                        // "cities" → "citie" → "city"
                        length--;
                        hash = (before3 ^ 'y') * FnvPrime;
                    }
                }

                var sentenceStart = _sentenceStart;
                _sentenceStart = false;
                if (length > 1 || char.IsDigit(first))
                {
                    var stop = false;
                    var calendar = false;
                    var number = char.IsDigit(first);
                    if (MayBeSpecial(hash) && Specials.TryGetValue(hash, out var special))
                    {
                        hash = special.Replacement;
                        stop = special.IsStopWord;
                        calendar = special.IsCalendarWord;
                        number |= special.IsNumber;
                    }

                    _position = i;
                    word = new Word(hash, stop, capitalised && !sentenceStart && !calendar, sentenceStart, number);
                    return true;
                }
            }

            _position = i;
            word = default;
            return false;
        }
    }

    /// <summary>The folded form of a letter or digit; <c>'\0'</c> for any other character.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static char WordChar(char c) => c < 128 ? AsciiWordChars[c] : char.IsLetterOrDigit(c) ? Fold(c) : '\0';

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static bool MayBeSpecial(uint hash)
    {
        var bucket = SpecialBucket(hash);
        return (SpecialBuckets[bucket >> 6] & (1UL << bucket)) != 0;
    }

    private static int SpecialBucket(uint hash) => (int)((hash * 0x9E3779B1u) >> 20);

    private static ulong[] BuildSpecialBuckets()
    {
        var buckets = new ulong[4096 / 64];
        foreach (var hash in Specials.Keys)
        {
            var bucket = SpecialBucket(hash);
            buckets[bucket >> 6] |= 1UL << bucket;
        }

        return buckets;
    }

    private static char[] BuildAsciiWordChars()
    {
        var table = new char[128];
        for (var c = (char)0; c < 128; c++)
        {
            table[c] = char.IsAsciiLetterOrDigit(c) ? Fold(c) : '\0';
        }

        return table;
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
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
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

    private static System.Collections.Frozen.FrozenDictionary<uint, Special> BuildSpecials()
    {
        // English function words plus the reporting verbs every article carries; everything else is left to the IDF.
        const string stopWords =
            "a about above after again against all also am an and any are as at be because been before being below between both but by " +
            "can could did do does doing down during each few for from further had has have having he her here hers herself him himself his " +
            "how if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours ourselves out " +
            "over own same she should so some such than that the their theirs them themselves then there these they this those through to too " +
            "under until up very was we were what when where which while who whom why will with would you your yours yourself yourselves " +
            "said say says told tell according reported update updated copyright rights reserved am pm est edt";
        // Capitalised, but no name: every report of the week shares them.
        const string calendarWords =
            "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december";
        // "Seven wounded" and "7 shot" report the same count.
        string[] numberWords =
        [
            "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
            "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
        ];
        var specials = new Dictionary<uint, Special>();
        void Mark(uint hash, bool stop, bool calendar)
        {
            var current = specials.TryGetValue(hash, out var known) ? known : new Special(hash, false, false, false);
            specials[hash] = current with { IsStopWord = current.IsStopWord || stop, IsCalendarWord = current.IsCalendarWord || calendar };
        }

        static string Stem(string word) => word.Length > 3 && word[^1] == 's' && word[^2] != 's' && word[^2] != 'u' && word[^2] != 'i' ? word[..^1] : word;
        foreach (var word in stopWords.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            Mark(Hash(Stem(word)), stop: true, calendar: false);
            Mark(Hash(word), stop: true, calendar: false);
        }

        foreach (var word in calendarWords.Split(' '))
        {
            Mark(Hash(word.Length > 3 && word[^1] == 's' ? word[..^1] : word), stop: false, calendar: true);
        }

        for (var n = 0; n < numberWords.Length; n++)
        {
            // The digits replace the word; like the digits, a number word is neither a stop word nor a calendar word.
            var digits = Hash(n.ToString(System.Globalization.CultureInfo.InvariantCulture));
            specials[Hash(numberWords[n])] = new Special(digits, specials.TryGetValue(digits, out var d) && d.IsStopWord, specials.TryGetValue(digits, out d) && d.IsCalendarWord, IsNumber: true);
        }

        return System.Collections.Frozen.FrozenDictionary.ToFrozenDictionary(specials);
    }

    /// <summary>What a special word becomes: the hash it is replaced by, whether it is a stop or calendar word, and whether it is a number word.</summary>
    private readonly record struct Special(uint Replacement, bool IsStopWord, bool IsCalendarWord, bool IsNumber);
}
