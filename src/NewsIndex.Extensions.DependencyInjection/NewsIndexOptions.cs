namespace NewsIndex.Extensions.DependencyInjection;

/// <summary>
/// How <see cref="NewsIndexServiceCollectionExtensions.AddNewsIndex"/> opens the container's <see cref="ArticleIndex"/>
/// (the options pattern: set them in the <c>AddNewsIndex</c> callback, or bind them from configuration with
/// <c>services.Configure&lt;NewsIndexOptions&gt;(section)</c>).
/// </summary>
public sealed class NewsIndexOptions
{
    /// <summary>The index directory, created if needed (unless <see cref="ReadOnly"/>). Null (the default): an
    /// in-memory index that lives as long as the container.</summary>
    public string? Path { get; set; }

    /// <summary>Open for searching only: no write lock, so several processes can search an index one writer
    /// updates. Needs <see cref="Path"/>. Default false.</summary>
    public bool ReadOnly { get; set; }

    /// <summary>A JSON catalog file (keys <c>countries</c>, <c>forces</c>, <c>bases</c>) whose entities are added to
    /// the built-in catalog, or replace built-in entities with the same kind and id. Null (the default): the built-in
    /// catalog. Ignored when the container already has an <see cref="Entities.EntityCatalog"/> registration.</summary>
    public string? CatalogFile { get; set; }

    /// <summary>See <see cref="ArticleIndexOptions.AllowCatalogMismatch"/>. Default false.</summary>
    public bool AllowCatalogMismatch { get; set; }

    /// <summary>See <see cref="ArticleIndexOptions.SlowQueryThreshold"/>. Default 1 s.</summary>
    public TimeSpan SlowQueryThreshold { get; set; } = ArticleIndexOptions.Default.SlowQueryThreshold;

    /// <summary>See <see cref="ArticleIndexOptions.RamBufferMB"/>. Default 64.</summary>
    public double RamBufferMB { get; set; } = ArticleIndexOptions.Default.RamBufferMB;

    /// <summary>See <see cref="ArticleIndexOptions.IndexingThreads"/>. Default: the number of processors less one (at least one).</summary>
    public int IndexingThreads { get; set; } = ArticleIndexOptions.Default.IndexingThreads;

    /// <summary>See <see cref="ArticleIndexOptions.QueryLimits"/>. Default <see cref="Querying.QueryLimits.Default"/>.</summary>
    public Querying.QueryLimits QueryLimits { get; set; } = Querying.QueryLimits.Default;
}
