using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using NewsIndex.Mapping;

namespace NewsIndex.Searching;

/// <summary>
/// One segment's article-id hashes (the relevance tie-breaker), decoded once into an array and cached for the segment's
/// lifetime, so breaking a tie costs an array read instead of a packed doc-values decode (which, with constant-score
/// queries where every hit ties, was most of a search's cost). Segments are immutable: the cache never goes stale and is
/// keyed by the segment core, so it is dropped with it. Eight bytes an article.
/// </summary>
internal static class SegmentIdHashes
{
    private static readonly ConditionalWeakTable<object, long[]> Cache = [];

    /// <summary>The hashes of every document of the segment, by segment document number (0 where a document has none).</summary>
    public static long[] For(AtomicReader reader) =>
        Cache.GetValue(reader.CoreCacheKey, _ =>
        {
            var values = reader.GetNumericDocValues(FieldNames.IdHash);
            var hashes = new long[reader.MaxDoc];
            if (values is not null)
            {
                for (var doc = 0; doc < hashes.Length; doc++)
                {
                    hashes[doc] = values.Get(doc);
                }
            }

            return hashes;
        });
}
