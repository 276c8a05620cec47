using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using NewsIndex.Analysis;
using NewsIndex.Ingestion;
using NewsIndex.Testing;

namespace NewsIndex.Tests.Analysis;

/// <summary>
/// <see cref="NewsAnalyzer"/> (one <see cref="NewsTokenizer"/> pass) against the five-stage Lucene chain it replaced
/// (StandardTokenizer, EnglishPossessiveFilter, LowerCaseFilter, ASCIIFoldingFilter, StopFilter,
/// EnglishMinimalStemFilter): the same terms at the same offsets, except in the deliberate differences listed in
/// <see cref="Difference"/>, each checked on its own example.
/// </summary>
public class AnalysisEquivalenceTests
{
    /// <summary>Where the two analyses deliberately differ.</summary>
    public enum Difference
    {
        /// <summary>Dotted abbreviations are one word without dots: <c>U.S.</c> → <c>us</c> (the old chain: <c>u.s</c>).</summary>
        DottedAbbreviation,

        /// <summary>Inner apostrophes are dropped: <c>Qa'ida</c> → <c>qaida</c> (old: <c>qa'ida</c>).</summary>
        InnerApostrophe,

        /// <summary>Dots and other mid-word punctuation between letters separate (<c>bbc.com</c> → <c>bbc</c>, <c>com</c>;
        /// <c>10:30</c> and <c>a_b</c> likewise); the old chain kept such words whole.</summary>
        MidWordPunctuation,

        /// <summary>A number glued to letters by a dot or comma: <c>A1.5</c> → <c>a1</c>, <c>5</c>.</summary>
        NumberSeparator,

        /// <summary>An <c>'s</c> after a number is dropped like a possessive: <c>the 1980's</c> → <c>1980</c> (the old
        /// chain indexed a stray term <c>s</c>).</summary>
        ApostropheSAfterNumber,

        /// <summary>Anything else: a regression unless explained.</summary>
        Other,
    }

    private static readonly Analyzer Reference = Analyzer.NewAnonymous((_, reader) =>
    {
        var tokenizer = new StandardTokenizer(NewsAnalyzer.Version, reader);
        TokenStream stream = new EnglishPossessiveFilter(NewsAnalyzer.Version, tokenizer);
        stream = new LowerCaseFilter(NewsAnalyzer.Version, stream);
        stream = new ASCIIFoldingFilter(stream);
        stream = new StopFilter(NewsAnalyzer.Version, stream, StopAnalyzer.ENGLISH_STOP_WORDS_SET);
        stream = new EnglishMinimalStemFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    });

    private static readonly NewsAnalyzer Fused = new();

    [OneTimeTearDown]
    public void DisposeAnalyzers()
    {
        Reference.Dispose();
        Fused.Dispose();
    }

    [TestCase("Russian troops entered Niger's Air Base 101.", "russian troop entered niger air base 101")]
    [TestCase("The U.S. and the U.K. said", "us uk said")]
    [TestCase("A U.S warship and U.K-based ships", "us warship uk based ship")]
    [TestCase("al-Qa'ida fighters", "al qaida fighter")]
    [TestCase("#RussianTroopsArrive in Niamey", "russiantroopsarrive niamey")]
    [TestCase("1,000 soldiers, 2.5 km, 3.5bn dollars", "1,000 soldier 2.5 km 3.5bn dollar")]
    [TestCase("Ça va, Łódź, Straße, Æsir", "ca va lodz strasse aesir")]
    [TestCase("中国军队", "中 国 军 队")]
    [TestCase("bbc.com at 10:30", "bbc com 10 30")]
    public void Examples(string text, string expected) =>
        Assert.That(string.Join(" ", Terms(Fused, text).Select(t => t.Term)), Is.EqualTo(expected));

    [Test]
    public void StopWordsAndLongWords_LeavePositionGaps_AsTheOldChainDid()
    {
        var longWord = new string('x', 300);
        var text = $"troops of the {longWord} base";
        Assert.That(Terms(Fused, text).Select(t => (t.Term, t.Increment)), Is.EqualTo(Terms(Reference, text).Select(t => (t.Term, t.Increment))));
        Assert.That(Terms(Fused, text).Select(t => t.Increment), Is.EqualTo(new[] { 1, 4 }));
    }

    [Test]
    public void OffsetsPointAtTheWord()
    {
        const string text = "Niger’s junta welcomed Wagner.";
        foreach (var (term, start, end, _) in Terms(Fused, text))
        {
            Assert.That(text[start..end].ToLowerInvariant(), Does.StartWith(term[..Math.Min(term.Length, 4)]));
        }
    }

    [Test]
    public void OnReuters_TheSameTermsAtTheSameOffsets_ExceptTheListedDifferences()
    {
        Assume.That(Corpora.HasReuters, "needs ../shared/corpora/reuters21578");
        long same = 0, total = 0;
        var differences = new Dictionary<Difference, int>();
        var examples = new Dictionary<Difference, List<string>>();
        foreach (var article in ArticleReader.Read(Corpora.ReutersTrain).Take(4000))
        {
            foreach (var text in new[] { article.Title, article.Body })
            {
                var fused = Terms(Fused, text).ToDictionary(t => t.Start, t => t.Term);
                foreach (var (term, start, end, _) in Terms(Reference, text))
                {
                    total++;
                    if (fused.TryGetValue(start, out var mine) && mine == term)
                    {
                        same++;
                        continue;
                    }

                    var kind = Classify(text, start, end);
                    differences[kind] = differences.GetValueOrDefault(kind) + 1;
                    var list = examples.TryGetValue(kind, out var l) ? l : examples[kind] = [];
                    if (list.Count < 8)
                    {
                        list.Add($"{text[start..end]} → {mine ?? "(none)"} in \"{text[Math.Max(0, start - 12)..Math.Min(text.Length, end + 12)]}\"");
                    }
                }
            }
        }

        TestContext.Out.WriteLine($"{same:N0} of {total:N0} reference terms identical ({100.0 * same / total:F2}%)");
        foreach (var (kind, count) in differences.OrderByDescending(p => p.Value))
        {
            TestContext.Out.WriteLine($"  {kind}: {count:N0}, e.g. {string.Join("; ", examples[kind])}");
        }

        Assert.That((double)same / total, Is.GreaterThan(0.99));
        Assert.That(differences.GetValueOrDefault(Difference.Other), Is.Zero, string.Join("; ", examples.GetValueOrDefault(Difference.Other) ?? []));
    }

    private static Difference Classify(string text, int start, int end)
    {
        var word = text[start..end];
        if (word is "s" or "S" && start >= 2 && text[start - 1] is '\'' or '’' && char.IsDigit(text[start - 2]))
        {
            return Difference.ApostropheSAfterNumber;
        }

        var hasLetter = word.Any(char.IsLetter);
        if (word.Length >= 3 && word.Where((c, i) => i % 2 == 1).All(c => c == '.') && word.Where((c, i) => i % 2 == 0).All(char.IsLetter))
        {
            return Difference.DottedAbbreviation;
        }

        if (word.Skip(1).SkipLast(1).Any(c => c is '\'' or '’') && !word.EndsWith("'s", StringComparison.OrdinalIgnoreCase))
        {
            return Difference.InnerApostrophe;
        }

        if (hasLetter && word.Any(char.IsDigit) && word.Any(c => c is '.' or ','))
        {
            return Difference.NumberSeparator;
        }

        if (word.Skip(1).SkipLast(1).Any(c => c is '.' or ':' or '_' or '\'' or '’' or ','))
        {
            return Difference.MidWordPunctuation;
        }

        return Difference.Other;
    }

    private static List<(string Term, int Start, int End, int Increment)> Terms(Analyzer analyzer, string text)
    {
        var terms = new List<(string, int, int, int)>();
        using var stream = analyzer.GetTokenStream("body", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add((term.ToString(), offset.StartOffset, offset.EndOffset, increment.PositionIncrement));
        }

        stream.End();
        return terms;
    }
}
