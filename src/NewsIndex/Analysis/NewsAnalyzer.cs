using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace NewsIndex.Analysis;

/// <summary>
/// The analyzer of NewsIndex's text fields: Unicode word breaks (StandardTokenizer), English possessives removed
/// (<c>Niger’s</c> → <c>niger</c>), lower case, accents folded, English stop words dropped, minimal plural stemming
/// (<c>troops</c> and <c>troop</c> match; cheaper than KStem or Porter, and it never conflates different words).
/// Indexing, querying and snippet marking all use it, so they agree.
/// </summary>
/// <remarks>Thread-safe: Lucene reuses token stream components per thread.</remarks>
internal sealed class NewsAnalyzer : Analyzer
{
    internal const LuceneVersion Version = LuceneVersion.LUCENE_48;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = new EnglishPossessiveFilter(Version, tokenizer);
        stream = new LowerCaseFilter(Version, stream);
        stream = new ASCIIFoldingFilter(stream);
        stream = new StopFilter(Version, stream, StopWords);
        stream = new EnglishMinimalStemFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }

    private static readonly CharArraySet StopWords = StopAnalyzer.ENGLISH_STOP_WORDS_SET;
}
