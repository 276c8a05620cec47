using Microsoft.Extensions.Logging;
using NewsIndex.Entities;
using NewsIndex.Indexing;
using NewsIndex.Querying;
using NewsIndex.Stories;

namespace NewsIndex;

/// <summary>Settings of an <see cref="ArticleIndex"/>.</summary>
public sealed record ArticleIndexOptions
{
    /// <summary>The defaults described on each property.</summary>
    public static ArticleIndexOptions Default { get; } = new();

    /// <summary>The entity catalog used to tag and to resolve queries. Default <see cref="EntityCatalog.Default"/>.</summary>
    public EntityCatalog Catalog { get; init; } = EntityCatalog.Default;

    /// <summary>Open for searching only: no write lock is taken, so any number of readers can share an index
    /// that one writer is updating. Writes throw. Default false.</summary>
    public bool ReadOnly { get; init; }

    /// <summary>Open an index tagged with a different catalog version anyway (its entity fields may be stale; re-index
    /// to refresh them). Default false: such an index is refused with <see cref="IndexVersionException"/>.</summary>
    public bool AllowCatalogMismatch { get; init; }

    /// <summary>Query cost bounds. Default <see cref="QueryLimits.Default"/>.</summary>
    public QueryLimits QueryLimits { get; init; } = QueryLimits.Default;

    /// <summary>Indexing buffer before a segment is flushed, in MB. Default 64.</summary>
    public double RamBufferMB { get; init; } = 64;

    /// <summary>How articles are grouped into stories as they are written (see <c>docs/STORIES.md</c>). Default
    /// <see cref="StoryOptions.Default"/>; null assigns no stories (articles then have no story id, and collapse,
    /// story lists and story timelines see every article as its own story).</summary>
    public StoryOptions? Stories { get; init; } = StoryOptions.Default;

    /// <summary>Writer threads used by <see cref="ArticleIndex.IndexAll(IEnumerable{Ingestion.Article}, IProgress{IndexingProgress}?, CancellationToken)"/>,
    /// beside the thread that reads and tags the input and the story thread. Default: the number of processors less
    /// one (at least one), leaving a core to those two stages. On two cores with stories on, a second writer was no
    /// faster (307,800 Reuters articles, whole process, median of three: 11,282 articles a second with one writer,
    /// 10,767 with two; 57,172 articles in BenchmarkDotNet: 3.73 s against 3.83 s; 61,560 through the console: within
    /// the noise) and holds a second set of indexing buffers. Without stories, one writer per processor is faster.</summary>
    public int IndexingThreads { get; init; } = Math.Max(1, Environment.ProcessorCount - 1);

    /// <summary>A writer reads every committed file and checks its checksum before writing on top of it, and refuses a
    /// damaged index with <see cref="IndexCorruptException"/> (repair it with <see cref="ArticleIndex.Repair"/>).
    /// Costs one sequential read of the index per open. Default true.</summary>
    public bool VerifyOnOpen { get; init; } = true;

    /// <summary>Flush a segment after this many documents (tests force segments and merges with it); 0: by RAM only.</summary>
    internal int MaxBufferedDocs { get; init; }

    /// <summary>
    /// Where the index logs: background merge failures (error), commits with their article count and duration,
    /// bulk indexing runs (information) and slow searches (warning, see <see cref="SlowQueryThreshold"/>). Default
    /// null: nothing is logged. With dependency injection, an <c>ILogger&lt;ArticleIndex&gt;</c>.
    /// </summary>
    public ILogger? Logger { get; init; }

    /// <summary>A search taking at least this long is logged as a warning with its query and duration. Default 1 s;
    /// <see cref="TimeSpan.Zero"/> logs every search; <see cref="Timeout.InfiniteTimeSpan"/> none.</summary>
    public TimeSpan SlowQueryThreshold { get; init; } = TimeSpan.FromSeconds(1);
}
