using Lucene.Net.Index;
using Lucene.Net.Util;
using NewsIndex.Entities;
using NewsIndex.Indexing;
using NewsIndex.Ingestion;
using NewsIndex.Mapping;

namespace NewsIndex.Stories;

/// <summary>
/// The story assigner of one index: signs and assigns each article as the index writes it, forgets deleted articles,
/// and is rebuilt from the signatures stored in the index when it opens.
/// </summary>
/// <remarks>Thread-safe (the assigner takes its lock; signing needs none).</remarks>
internal sealed class IndexStoryKeeper(StoryOptions options) : IStoryKeeper
{
    /// <summary>The assigner (for tests and diagnostics).</summary>
    public StoryAssigner Assigner { get; } = new(options);

    /// <inheritdoc />
    public ArticleStory Assign(Article article, ArticleEntities entities)
    {
        var signature = StorySignature.Create(article, entities, Assigner.Options);
        var assignment = Assigner.Assign(article.Id, signature);
        return new ArticleStory(assignment.StoryId, signature.ToBytes());
    }

    /// <inheritdoc />
    public void Remove(string id) => Assigner.Remove(id);

    /// <summary>
    /// Puts back every live article of <paramref name="reader"/> with the story it was stored with, oldest first (so
    /// posting lists grow by appending). Articles stored without story fields are skipped.
    /// </summary>
    /// <returns>The number of articles restored.</returns>
    /// <exception cref="StorySignatureFormatException">A stored signature is damaged (the message names the article).</exception>
    public int Restore(IndexReader reader)
    {
        var stored = new List<(int Day, string Id, string Story, StorySignature Signature)>(reader.NumDocs);
        var bytes = new BytesRef();
        foreach (var leaf in reader.Leaves)
        {
            var atomic = leaf.AtomicReader;
            var ids = atomic.GetBinaryDocValues(FieldNames.IdSort);
            var stories = atomic.GetSortedDocValues(FieldNames.Story);
            var signatures = atomic.GetBinaryDocValues(FieldNames.StoryState);
            if (ids is null || stories is null || signatures is null)
            {
                continue;
            }

            var live = atomic.LiveDocs;
            var docsWithStory = atomic.GetDocsWithField(FieldNames.Story);
            for (var doc = 0; doc < atomic.MaxDoc; doc++)
            {
                if ((live is not null && !live.Get(doc)) || docsWithStory is null || !docsWithStory.Get(doc))
                {
                    continue;
                }

                ids.Get(doc, bytes);
                var id = bytes.Utf8ToString();
                stories.Get(doc, bytes);
                var story = bytes.Utf8ToString();
                signatures.Get(doc, bytes);
                StorySignature signature;
                try
                {
                    signature = StorySignature.FromBytes(bytes.Bytes.AsSpan(bytes.Offset, bytes.Length));
                }
                catch (StorySignatureFormatException ex)
                {
                    throw new StorySignatureFormatException($"article {id}: {ex.Message}");
                }

                stored.Add((signature.Day ?? int.MaxValue, id, story, signature));
            }
        }

        stored.Sort(static (a, b) => a.Day != b.Day ? a.Day.CompareTo(b.Day) : string.CompareOrdinal(a.Id, b.Id));
        foreach (var (_, id, story, signature) in stored)
        {
            Assigner.Restore(id, story, signature);
        }

        return stored.Count;
    }
}
