using NewsIndex.Entities;
using NewsIndex.Ingestion;
using NewsIndex.Mapping;

namespace NewsIndex.Indexing;

/// <summary>
/// Gives each article its story as it is written, and forgets deleted ones. Indexing owns this seam so that it needs
/// nothing from the Stories stage, which implements it.
/// </summary>
/// <remarks><see cref="IndexStore"/> calls it in input order: from <see cref="IndexStore.IndexAll"/> on the run's one story
/// thread, after the reading thread has tagged the article and before it is queued for a writer; from
/// <see cref="IndexStore.Upsert"/> and <see cref="IndexStore.Delete"/> on the caller's thread. Implementations are
/// thread-safe.</remarks>
internal interface IStoryKeeper
{
    /// <summary>Assigns (or re-assigns, for an upsert) the article's story and returns the fields to store with it.</summary>
    ArticleStory Assign(Article article, ArticleEntities entities);

    /// <summary>Forgets a deleted article.</summary>
    void Remove(string id);
}
