using System.Globalization;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using EntityTokenizer = NewsIndex.Entities.Tokenizer;

namespace NewsIndex.Analysis;

/// <summary>
/// The whole analysis of NewsIndex's text fields in one pass over the characters: word breaks by the tagger's rules,
/// then the term each word indexes as, built in place: English possessive dropped, lower-cased, folded to ASCII
/// (Lucene's <c>ASCIIFoldingFilter</c> table), English stop words skipped (leaving a position gap, as Lucene's
/// <c>StopFilter</c> does) and plurals reduced by Lucene's <c>EnglishMinimalStemmer</c>.
/// </summary>
/// <remarks>
/// <para>It replaces <c>StandardTokenizer</c> followed by five filters, each with its own attribute traffic: the same
/// terms for ordinary prose at about twice the speed (see <c>AnalysisEquivalenceTests</c> for the measured agreement
/// on Reuters and each deliberate difference).</para>
/// <para>Word breaks, as the entity tagger's: runs of letters and digits; hyphens and other punctuation
/// separate; <c>U.S.</c> is one word (<c>us</c>, so it matches <c>US</c>); inner apostrophes are dropped
/// (<c>Qa'ida</c> = <c>Qaida</c>); <c>1,000</c> and <c>2.5</c> stay one number; camel-case words stay whole
/// (<c>BankAmerica</c>: unlike the tagger, which splits glued hashtags, so that a query for <c>bankamerica</c> still
/// finds it); Han ideographs and Hiragana are one word per character, as in
/// <c>StandardTokenizer</c>; combining marks stay in their word; words over 255 characters are skipped (with their
/// position).</para>
/// </remarks>
internal sealed class NewsTokenizer : Lucene.Net.Analysis.Tokenizer
{
    /// <summary>The longest word indexed; longer ones are skipped, as in <c>StandardTokenizer</c>.</summary>
    public const int MaxWordLength = 255;

    private static readonly CharArraySet StopWords = Lucene.Net.Analysis.Core.StopAnalyzer.ENGLISH_STOP_WORDS_SET;
    private static readonly EnglishMinimalStemmer Stemmer = new();
    private static readonly FoldTable Folds = new();

    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly IPositionIncrementAttribute _position;
    private char[] _text = new char[1024];
    private int _length = -1;
    private int _next;
    private int _skippedPositions;

    /// <summary>Creates the tokenizer over <paramref name="input"/>.</summary>
    public NewsTokenizer(TextReader input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _position = AddAttribute<IPositionIncrementAttribute>();
    }

    /// <inheritdoc />
    public override bool IncrementToken()
    {
        ClearAttributes();
        if (_length < 0)
        {
            ReadAll();
        }

        var text = _text.AsSpan(0, _length);
        while (_next < text.Length)
        {
            var start = _next;
            var c = text[start];
            if (!IsWordStart(c))
            {
                _next++;
                continue;
            }

            var buffer = _term.ResizeBuffer(Math.Min(text.Length - start, MaxWordLength) * 2 + 8);
            var length = 0;
            int end;
            if (IsIdeographic(c))
            {
                buffer[length++] = c;
                end = _next = start + 1;
            }
            else if (EntityTokenizer.IsLetter(c) && EntityTokenizer.IsAbbreviation(text, start, out var abbreviationEnd))
            {
                for (var k = start; k < abbreviationEnd && length < buffer.Length - FoldTable.Widest; k += 2)
                {
                    length = Folds.Append(text[k], buffer, length);
                }

                end = _next = abbreviationEnd;
            }
            else
            {
                end = ScanWord(text, start, buffer, ref length, out var possessive);
                _next = possessive ? end + 2 : end;
            }

            if (end - start > MaxWordLength || StopWords.Contains(buffer, 0, length))
            {
                _skippedPositions++;
                continue;
            }

            length = Stemmer.Stem(buffer, length);
            _term.Length = length;
            _position.PositionIncrement = 1 + _skippedPositions;
            _skippedPositions = 0;
            _offset.SetOffset(CorrectOffset(start), CorrectOffset(end));
            return true;
        }

        return false;
    }

    /// <summary>Scans the word at <paramref name="start"/> (not an abbreviation or ideograph), appending its folded
    /// characters to <paramref name="buffer"/> while they fit; returns its end (before a possessive <c>'s</c>).</summary>
    private static int ScanWord(ReadOnlySpan<char> text, int start, char[] buffer, ref int length, out bool possessive)
    {
        possessive = false;
        var letters = 0;
        var digits = 0;
        var limit = buffer.Length - FoldTable.Widest;
        var i = start;
        for (; i < text.Length; i++)
        {
            var ch = text[i];
            if (ch < 128 ? char.IsAsciiLetter(ch) : IsNonAsciiLetter(ch))
            {
                letters++;
            }
            else if (char.IsAsciiDigit(ch) || (ch > 127 && char.IsDigit(ch)))
            {
                digits++;
            }
            else if (ch is ',' or '.' && digits > 0 && letters == 0 && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))
            {
                // 1,000 and 2.5 stay one number, separator included (as StandardTokenizer keeps them).
            }
            else if (ch is '\'' or '’' or '‘' && i + 1 < text.Length && char.IsLetter(text[i + 1]))
            {
                if (text[i + 1] is 's' or 'S' && (i + 2 >= text.Length || !char.IsLetterOrDigit(text[i + 2])))
                {
                    possessive = true;
                    break;
                }

                continue; // inner apostrophes are dropped: "Qa'ida" indexes as "qaida"
            }
            else if (ch < 0x300 || !IsMark(ch) || i == start)
            {
                break;
            }

            if (length < limit)
            {
                length = Folds.Append(ch, buffer, length);
            }
        }

        return i;
    }

    /// <inheritdoc />
    public override void End()
    {
        base.End();
        var final = CorrectOffset(Math.Max(_length, 0));
        _offset.SetOffset(final, final);
        _position.PositionIncrement += _skippedPositions;
        _skippedPositions = 0;
    }

    /// <inheritdoc />
    public override void Reset()
    {
        base.Reset();
        _length = -1;
        _next = 0;
        _skippedPositions = 0;
    }

    private void ReadAll()
    {
        _length = 0;
        int read;
        while ((read = m_input.Read(_text, _length, _text.Length - _length)) > 0)
        {
            _length += read;
            if (_length == _text.Length)
            {
                Array.Resize(ref _text, _text.Length * 2);
            }
        }
    }

    private static bool IsWordStart(char c) => c < 128 ? char.IsAsciiLetterOrDigit(c) : char.IsLetterOrDigit(c);

    // Ideographs and Hiragana are a word each (no dictionary segmentation), as in StandardTokenizer.
    private static bool IsIdeographic(char c) => c is >= '\u3040' and <= '\u309F' or >= '\u3400' and <= '\u4DBF' or >= '\u4E00' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF';

    private static bool IsNonAsciiLetter(char c) => char.IsLetter(c) && !IsIdeographic(c);

    private static bool IsMark(char c) => CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    /// <summary>Lower case then ASCII folding for every UTF-16 unit, precomputed from Lucene's own tables.</summary>
    private sealed class FoldTable
    {
        /// <summary>The most characters one UTF-16 unit folds to.</summary>
        public const int Widest = 8;

        private readonly char[] _single = new char[char.MaxValue + 1];
        private readonly Dictionary<char, string> _multiple = [];

        public FoldTable()
        {
            var input = new char[1];
            var output = new char[Widest * 4];
            for (var c = 0; c <= char.MaxValue; c++)
            {
                var lower = char.IsSurrogate((char)c) ? (char)c : char.ToLowerInvariant((char)c);
                if (lower < 128)
                {
                    _single[c] = lower;
                    continue;
                }

                input[0] = lower;
                var length = ASCIIFoldingFilter.FoldToASCII(input, 0, output, 0, 1);
                _single[c] = length == 1 ? output[0] : '\0';
                if (length > Widest)
                {
                    throw new InvalidOperationException($"U+{c:X4} folds to {length} characters");
                }

                if (length > 1)
                {
                    _multiple[(char)c] = new string(output, 0, length);
                }
            }
        }

        /// <summary>Appends the folded form of <paramref name="c"/>; returns the new length.</summary>
        public int Append(char c, char[] buffer, int length)
        {
            var folded = _single[c];
            if (folded != '\0' || c == '\0')
            {
                buffer[length] = folded;
                return length + 1;
            }

            foreach (var ch in _multiple[c])
            {
                buffer[length++] = ch;
            }

            return length;
        }
    }
}
