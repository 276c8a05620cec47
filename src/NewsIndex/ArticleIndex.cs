using System.Diagnostics;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging;
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

    private ArticleIndex(LuceneDirectory directory, string location, ArticleIndexOptions options, string? lockDirectory)
    {
        _options = options;
        Catalog = options.Catalog;
        _compiler = new QueryCompiler(Catalog, _analyzer, options.QueryLimits);
        _searcher = new ArticleSearcher(_analyzer, Catalog);
        try
        {
            _store = new IndexStore(directory, location,
                new IndexStoreSettings(Catalog, options.ReadOnly, options.AllowCatalogMismatch, options.RamBufferMB, options.IndexingThreads,
                    options.VerifyOnOpen, options.MaxBufferedDocs), _analyzer, lockDirectory);
        }
        catch
        {
            _analyzer.Dispose();
            throw;
        }

        _store.MergeFailed += error =>
        {
            if (options.Logger is { } logger)
            {
                IndexLog.MergeFailed(logger, Location, error);
            }

            MergeFailed?.Invoke(this, error);
        };
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
    /// <remarks>A writer holds an exclusive OS-level lock on <c>newsindex.lock</c> in the directory for its lifetime
    /// (released by the OS if the process dies); a new index gets an empty first commit at once.</remarks>
    /// <exception cref="IndexInUseException">Another writer, in this or another process, holds the index.</exception>
    /// <exception cref="IndexVersionException">The index was written by an incompatible schema or catalog.</exception>
    /// <exception cref="IndexCorruptException">The index is damaged (see <see cref="Verify(string, ArticleIndexOptions?)"/> and <see cref="Repair"/>).</exception>
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

        return new ArticleIndex(new NIOFSDirectory(new DirectoryInfo(full)), full, options, full);
    }

    /// <summary>Creates an empty in-memory index (for tests and small apps; nothing is persisted).</summary>
    public static ArticleIndex CreateInMemory(ArticleIndexOptions? options = null) =>
        new(new RAMDirectory(), "(memory)", (options ?? ArticleIndexOptions.Default) with { ReadOnly = false }, null);

    /// <summary>Opens an index in any Lucene directory (tests use fault-injecting ones). The index owns the directory.</summary>
    internal static ArticleIndex OpenDirectory(LuceneDirectory directory, string location, ArticleIndexOptions options) => new(directory, location, options, null);

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

    /// <summary>Makes every change so far durable (fsync), recording the schema and catalog versions and the checkpoint
    /// reached by the last <see cref="IndexAll(IEnumerable{Article}, IndexingOptions, IProgress{IndexingProgress}?, CancellationToken)"/> run with a source.</summary>
    /// <exception cref="IndexMergeException">A background merge failed since the last commit (the commit itself succeeded).</exception>
    /// <exception cref="IndexWriteException">The commit could not be written (e.g. the disk is full), or an earlier write
    /// failed in a way that may have discarded buffered changes; the previous commit stands. Writing through this
    /// instance is over: dispose it and open the index again.</exception>
    public void Commit()
    {
        if (_options.Logger is not { } logger)
        {
            _store.Commit();
            return;
        }

        var clock = Stopwatch.StartNew();
        try
        {
            _store.Commit();
        }
        catch (Exception ex)
        {
            IndexLog.CommitFailed(logger, Location, clock.Elapsed.TotalMilliseconds, ex);
            throw;
        }

        if (logger.IsEnabled(LogLevel.Information))
        {
            var elapsed = clock.Elapsed.TotalMilliseconds;
            var articles = CountArticles();
            IndexLog.Committed(logger, Location, articles, elapsed);
        }
    }

    /// <summary>The ingestion checkpoint recorded by the last commit, or null.</summary>
    public IndexingCheckpoint? LastCheckpoint => _store.LastCheckpoint;

    /// <summary>
    /// Indexes a stream of articles, replacing articles with the same ids. Does not commit. The calling thread reads
    /// the input once, in order, and tags each article; <see cref="ArticleIndexOptions.IndexingThreads"/> writer threads
    /// map and add them (analysis and inversion, the larger share of the work). An exception from the input stops the
    /// run and is rethrown.
    /// </summary>
    /// <returns>Totals of the run.</returns>
    /// <exception cref="IndexingFailedException">Writing failed (a writer thread's error, a full disk); every thread of the run has stopped.</exception>
    /// <exception cref="IndexingCancelledException">The run was cancelled.</exception>
    public IndexingProgress IndexAll(IEnumerable<Article> articles, IProgress<IndexingProgress>? progress = null, CancellationToken cancellationToken = default) =>
        IndexAll(articles, IndexingOptions.Default, progress, cancellationToken);

    /// <summary>
    /// Indexes a stream of articles like <see cref="IndexAll(IEnumerable{Article}, IProgress{IndexingProgress}?, CancellationToken)"/>,
    /// committing every <see cref="IndexingOptions.CommitEvery"/> articles or <see cref="IndexingOptions.CommitInterval"/>
    /// with a checkpoint of the input (<see cref="IndexingOptions.Source"/> + position), and resuming after the last
    /// checkpoint when <see cref="IndexingOptions.Resume"/> is set. When it commits periodically, it also commits at the
    /// end and when cancelled or stopped by an input error, so every article added before the stop is kept.
    /// </summary>
    /// <returns>Totals of the run; <see cref="IndexingProgress.Committed"/> counts the articles that are durable.</returns>
    /// <exception cref="IndexingFailedException">Writing or a commit failed; every thread of the run has stopped and the
    /// index holds its last commit.</exception>
    /// <exception cref="IndexingCancelledException">The run was cancelled (after committing what was added, when it commits periodically).</exception>
    /// <exception cref="NewsIndexException">Resume was asked for but the last checkpoint belongs to another source.</exception>
    public IndexingProgress IndexAll(IEnumerable<Article> articles, IndexingOptions options, IProgress<IndexingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.CommitEvery);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.CommitInterval, TimeSpan.Zero);
        if (_options.Logger is not { } logger)
        {
            return _store.IndexAll(articles, options, progress, cancellationToken);
        }

        var clock = Stopwatch.StartNew();
        try
        {
            var result = _store.IndexAll(articles, options, progress, cancellationToken);
            if (logger.IsEnabled(LogLevel.Information))
            {
                IndexLog.Indexed(logger, result.Articles, result.Characters, result.Mentions, Location, result.Elapsed.TotalMilliseconds, result.ArticlesPerSecond);
            }

            return result;
        }
        catch (Exception ex)
        {
            IndexLog.IndexingFailed(logger, Location, clock.Elapsed.TotalMilliseconds, ex);
            throw;
        }
    }

    /// <summary>Live articles (for the commit log line).</summary>
    private int CountArticles()
    {
        var searcher = _store.Acquire();
        try
        {
            return searcher.IndexReader.NumDocs;
        }
        finally
        {
            _store.Release(searcher);
        }
    }

    /// <summary>Writer threads of a bulk run still alive (tests check none outlives a run).</summary>
    internal int RunningWorkers => _store.RunningWorkers;

    /// <summary>Background merge threads still alive.</summary>
    internal int RunningMerges => _store.RunningMerges;

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
