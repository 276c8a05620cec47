using Lucene.Net.Store;
using NewsIndex.Analysis;
using NewsIndex.Entities;
using NewsIndex.Indexing;
using NewsIndex.Ingestion;
using NewsIndex.Querying;
using NewsIndex.Searching;
using NewsIndex.Stories;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace NewsIndex;

/// <summary>
/// A searchable index of news articles in one directory (or in memory): add, replace and delete articles, commit
/// them durably, and search them with typed or string queries.
/// </summary>
/// <remarks>
/// Thread-safe: any number of threads may search while others write. Writes are visible to searches at once
/// (near-real-time) but survive a crash only after <see cref="Commit"/>; disposing without committing discards them.
/// One writer per directory: a second one fails fast with <see cref="IndexInUseException"/>; readers opened with
/// <see cref="ArticleIndexOptions.ReadOnly"/> take no lock.
/// The facade composes the stages: <c>Indexing</c> (writer, commits, ingestion pipeline), <c>Querying</c> (typed
/// queries compiled to Lucene) and <c>Searching</c> (collectors, facets, snippets, cursors).
/// </remarks>
public sealed partial class ArticleIndex : IDisposable
{
    /// <summary>The index layout this version writes and reads. Bump it when fields change.</summary>
    public const string SchemaVersion = IndexStore.SchemaVersion;

    private readonly IndexStore _store;
    private readonly NewsAnalyzer _analyzer = new();
    private readonly QueryCompiler _compiler;
    private readonly ArticleSearcher _searcher;
    private readonly ArticleIndexOptions _options;

    private ArticleIndex(LuceneDirectory directory, string location, ArticleIndexOptions options)
    {
        _options = options;
        Catalog = options.Catalog;
        _compiler = new QueryCompiler(Catalog, _analyzer, options.QueryLimits);
        _searcher = new ArticleSearcher(_analyzer, Catalog);
        try
        {
            _store = new IndexStore(directory, location,
                new IndexStoreSettings(Catalog, options.ReadOnly, options.AllowCatalogMismatch, options.RamBufferMB, options.IndexingThreads), _analyzer);
        }
        catch
        {
            _analyzer.Dispose();
            throw;
        }

        _store.MergeFailed += error => MergeFailed?.Invoke(this, error);
        if (!options.ReadOnly && options.Stories is { } storyOptions)
        {
            try
            {
                _store.Stories = RestoreStories(storyOptions);
            }
            catch
            {
                Dispose();
                throw;
            }
        }
    }

    /// <summary>Raised (on a merge thread) when a background merge fails. The same error is thrown by the next
    /// <see cref="Commit"/> as an <see cref="IndexMergeException"/>.</summary>
    public event EventHandler<Exception>? MergeFailed;

    /// <summary>The directory path, or <c>(memory)</c>.</summary>
    public string Location => _store.Location;

    /// <summary>The catalog articles are tagged with and queries resolve against.</summary>
    public EntityCatalog Catalog { get; }

    /// <summary>True when opened with <see cref="ArticleIndexOptions.ReadOnly"/>.</summary>
    public bool IsReadOnly => _store.IsReadOnly;

    /// <summary>Opens (creating if needed) the index in <paramref name="path"/>, using <see cref="NIOFSDirectory"/>:
    /// positional reads, no memory mapping (which has crash and parallel-search slowdown reports in Lucene.Net 4.8 on 64-bit Linux).</summary>
    /// <exception cref="IndexInUseException">Another writer holds the index.</exception>
    /// <exception cref="IndexVersionException">The index was written by an incompatible schema or catalog.</exception>
    public static ArticleIndex Open(string path, ArticleIndexOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        options ??= ArticleIndexOptions.Default;
        var full = Path.GetFullPath(path);
        if (!options.ReadOnly)
        {
            System.IO.Directory.CreateDirectory(full);
        }
        else if (!System.IO.Directory.Exists(full))
        {
            throw new NewsIndexException($"no index at {full}");
        }

        return new ArticleIndex(new NIOFSDirectory(new DirectoryInfo(full)), full, options);
    }

    /// <summary>Creates an empty in-memory index (for tests and small apps; nothing is persisted).</summary>
    public static ArticleIndex CreateInMemory(ArticleIndexOptions? options = null) =>
        new(new RAMDirectory(), "(memory)", (options ?? ArticleIndexOptions.Default) with { ReadOnly = false });

    /// <summary>Opens an index in any Lucene directory (tests use fault-injecting ones). The index owns the directory.</summary>
    internal static ArticleIndex OpenDirectory(LuceneDirectory directory, string location, ArticleIndexOptions options) => new(directory, location, options);

    /// <summary>Adds an article, replacing any article with the same id. Visible to searches at once; durable after <see cref="Commit"/>.</summary>
    public ArticleEntities Upsert(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return _store.Upsert(article);
    }

    /// <summary>Deletes the article with this id, if any.</summary>
    public void Delete(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        _store.Delete(id);
    }

    /// <summary>Makes every change so far durable (fsync), recording the schema and catalog versions.</summary>
    /// <exception cref="IndexMergeException">A background merge failed since the last commit (the commit itself succeeded).</exception>
    public void Commit() => _store.Commit();

    /// <summary>
    /// Indexes a stream of articles, replacing articles with the same ids. Does not commit. The calling thread reads
    /// the input once, in order, and tags each article; <see cref="ArticleIndexOptions.IndexingThreads"/> writer threads
    /// map and add them (analysis and inversion, the larger share of the work). An exception from the input stops the
    /// run and is rethrown.
    /// </summary>
    /// <returns>Totals of the run.</returns>
    public IndexingProgress IndexAll(IEnumerable<Article> articles, IProgress<IndexingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articles);
        return _store.IndexAll(articles, progress, cancellationToken);
    }

    /// <summary>The story keeper of a writable index (tests), or null.</summary>
    internal IndexStoryKeeper? StoryKeeper => _store.Stories as IndexStoryKeeper;

    /// <summary>Rebuilds the story assigner from the signatures stored beside the articles.</summary>
    private IndexStoryKeeper RestoreStories(StoryOptions storyOptions)
    {
        storyOptions.Validate();
        var keeper = new IndexStoryKeeper(storyOptions);
        var searcher = _store.Acquire();
        try
        {
            keeper.Restore(searcher.IndexReader);
        }
        finally
        {
            _store.Release(searcher);
        }

        return keeper;
    }

    /// <summary>Blocks until running background merges finish (tests use it to make merge timing deterministic).</summary>
    internal void WaitForMerges() => _store.WaitForMerges();

    /// <summary>Merges down to at most <paramref name="segments"/> segments (tests use it to renumber documents).</summary>
    internal void ForceMerge(int segments) => _store.ForceMerge(segments);

    /// <summary>Facts about the index: article count, segments, size, versions.</summary>
    public IndexStats Stats() => _store.Stats();

    /// <summary>Closes the index. Changes not committed are discarded.</summary>
    public void Dispose()
    {
        _store.Dispose();
        _analyzer.Dispose();
    }
}
