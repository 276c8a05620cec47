using Lucene.Net.Analysis;
using Lucene.Net.Util;

namespace NewsIndex.Analysis;

/// <summary>
/// The analyzer of NewsIndex's text fields: one <see cref="NewsTokenizer"/> pass that breaks words (by the entity
/// tagger's rules), drops English possessives (<c>Niger’s</c> → <c>niger</c>), lower-cases, folds accents, skips
/// English stop words and reduces plurals minimally (<c>troops</c> and <c>troop</c> match; cheaper than KStem or
/// Porter, and it never conflates different words). Indexing, querying and snippet marking all use it, so they agree.
/// </summary>
/// <remarks>Thread-safe: Lucene reuses token stream components per thread.</remarks>
internal sealed class NewsAnalyzer : Analyzer
{
    internal const LuceneVersion Version = LuceneVersion.LUCENE_48;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader) => new(new NewsTokenizer(reader));
}
