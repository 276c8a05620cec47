using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using NewsIndex.Analysis;
using NewsIndex.Entities;
using NewsIndex.Ingestion;
using NewsIndex.Mapping;
using NewsIndex.Querying;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace NewsIndex.Indexing;

/// <summary>
/// A searchable index of news articles in one directory (or in memory): add, replace and delete articles, commit
/// them durably, and search them with typed or string queries.
/// </summary>
/// <remarks>
/// Thread-safe: any number of threads may search while others write. Writes are visible to searches at once
/// (near-real-time) but survive a crash only after <see cref="Commit"/>; disposing without committing discards them.
/// One writer per directory: a second one fails fast with <see cref="IndexInUseException"/>; readers opened with
/// <see cref="ArticleIndexOptions.ReadOnly"/> take no lock.
/// </remarks>
public sealed partial class ArticleIndex : IDisposable
{
    /// <summary>The index layout this version writes and reads. Bump it when fields change.</summary>
    public const string SchemaVersion = "3";

    internal const string SchemaKey = "newsindex.schema";
    internal const string CatalogKey = "newsindex.catalog";

    private readonly LuceneDirectory _directory;
    private readonly IndexWriter? _writer;
    private readonly SearcherManager _searchers;
    private readonly SafeMergeScheduler? _mergeScheduler;
    private readonly NewsAnalyzer _analyzer = new();
    private readonly DocumentMapper _mapper;
    private readonly QueryCompiler _compiler;
    private readonly ArticleIndexOptions _options;
    private readonly Stopwatch _sinceRefresh = Stopwatch.StartNew();
    private volatile bool _dirty;
    private int _disposed;

    internal ArticleIndex(LuceneDirectory directory, string location, ArticleIndexOptions options)
    {
        _directory = directory;
        _options = options;
        Location = location;
        Catalog = options.Catalog;
        _mapper = new DocumentMapper(Catalog);
        _compiler = new QueryCompiler(Catalog, _analyzer, options.QueryLimits);
        try
        {
            var exists = DirectoryReader.IndexExists(directory);
            if (exists)
            {
                CheckVersion(directory, location, options);
            }

            if (options.ReadOnly)
            {
                if (!exists)
                {
                    throw new NewsIndexException($"no index at {location}: create it first (newsindex index --index {location} PATH)");
                }

                _searchers = new SearcherManager(directory, null);
                return;
            }

            _mergeScheduler = new SafeMergeScheduler();
            _mergeScheduler.Failed += error => MergeFailed?.Invoke(this, error);
            var config = new IndexWriterConfig(NewsAnalyzer.Version, _analyzer)
            {
                OpenMode = OpenMode.CREATE_OR_APPEND,
                RAMBufferSizeMB = options.RamBufferMB,
                MergeScheduler = _mergeScheduler,
                WriteLockTimeout = 0,
            };
            try
            {
                _writer = new IndexWriter(directory, config);
            }
            catch (LockObtainFailedException ex)
            {
                throw new IndexInUseException(location, ex);
            }

            _searchers = new SearcherManager(_writer, true, null);
        }
        catch
        {
            _writer?.Dispose();
            directory.Dispose();
            throw;
        }
    }

    /// <summary>Raised (on a merge thread) when a background merge fails. The same error is thrown by the next
    /// <see cref="Commit"/> as an <see cref="IndexMergeException"/>.</summary>
    public event EventHandler<Exception>? MergeFailed;

    /// <summary>The directory path, or <c>(memory)</c>.</summary>
    public string Location { get; }

    /// <summary>The catalog articles are tagged with and queries resolve against.</summary>
    public EntityCatalog Catalog { get; }

    /// <summary>True when opened with <see cref="ArticleIndexOptions.ReadOnly"/>.</summary>
    public bool IsReadOnly => _writer is null;

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

    /// <summary>Adds an article, replacing any article with the same id. Visible to searches at once; durable after <see cref="Commit"/>.</summary>
    public ArticleEntities Upsert(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var writer = Writer();
        var entities = Catalog.Tagger.Tag(article);
        writer.UpdateDocument(new Term(FieldNames.Id, article.Id), _mapper.ToDocument(article, entities));
        _dirty = true;
        return entities;
    }

    /// <summary>Deletes the article with this id, if any.</summary>
    public void Delete(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Writer().DeleteDocuments(new Term(FieldNames.Id, id));
        _dirty = true;
    }

    /// <summary>Makes every change so far durable (fsync), recording the schema and catalog versions.</summary>
    /// <exception cref="IndexMergeException">A background merge failed since the last commit (the commit itself succeeded).</exception>
    public void Commit()
    {
        var writer = Writer();
        writer.SetCommitData(CommitData());
        writer.Commit();
        if (_mergeScheduler?.TakeFailure() is { } failure)
        {
            throw new IndexMergeException(failure);
        }
    }

    /// <summary>
    /// Indexes a stream of articles, replacing articles with the same ids. Does not commit. The calling thread reads
    /// the input once, in order, and tags each article; <see cref="ArticleIndexOptions.IndexingThreads"/> writer threads
    /// map and add them (analysis and inversion, the larger share of the work). An exception from the input stops the
    /// run and is rethrown.
    /// </summary>
    /// <remarks>Tagging on the reading thread balances a pipeline of one or two writers (it measured 0.77× → 0.94× the
    /// throughput of plain Lucene.Net with one writer); with many writer threads the single tagging thread (about
    /// 60 MB/s) becomes the limit.</remarks>
    /// <returns>Totals of the run.</returns>
    public IndexingProgress IndexAll(IEnumerable<Article> articles, IProgress<IndexingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var writer = Writer();
        var clock = Stopwatch.StartNew();
        long count = 0, chars = 0, mentions = 0;
        var lastReport = TimeSpan.Zero;
        var threads = Math.Max(1, _options.IndexingThreads);
        using var queue = new System.Collections.Concurrent.BlockingCollection<(Article Article, ArticleEntities Entities)>(boundedCapacity: 1024);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var workers = Enumerable.Range(0, threads).Select(_ => Task.Factory.StartNew(() =>
        {
            foreach (var (article, entities) in queue.GetConsumingEnumerable(stop.Token))
            {
                writer.UpdateDocument(new Term(FieldNames.Id, article.Id), _mapper.ToDocument(article, entities));
                Interlocked.Add(ref chars, article.Length);
                Interlocked.Add(ref mentions, entities.Mentions.Count);
                Interlocked.Increment(ref count);
            }
        }, stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();

        Exception? inputError = null;
        try
        {
            foreach (var article in articles)
            {
                if (workers.Any(w => w.IsFaulted))
                {
                    break;
                }

                // The reading thread tags: tagging costs about what parsing does, and it takes that work off the writer
                // threads, which are the bottleneck (analysis and inversion) with one or two of them.
                queue.Add((article, Catalog.Tagger.Tag(article)), stop.Token);
                if (progress is not null && clock.Elapsed - lastReport > TimeSpan.FromMilliseconds(100))
                {
                    lastReport = clock.Elapsed;
                    progress.Report(new IndexingProgress(Interlocked.Read(ref count), Interlocked.Read(ref chars), Interlocked.Read(ref mentions), clock.Elapsed));
                }
            }
        }
        catch (Exception ex)
        {
            inputError = ex;
            stop.Cancel();
        }
        finally
        {
            queue.CompleteAdding();
        }

        try
        {
            Task.WaitAll(workers, CancellationToken.None);
        }
        catch (AggregateException)
        {
            // examined below: a worker's own failure wins over the cancellation it caused in the others
        }

        _dirty = true;
        var workerError = workers.Select(w => w.Exception?.InnerException).FirstOrDefault(e => e is not null and not OperationCanceledException);
        if (workerError is not null)
        {
            ExceptionDispatchInfo.Throw(workerError);
        }

        if (inputError is not null)
        {
            ExceptionDispatchInfo.Throw(inputError);
        }

        var result = new IndexingProgress(count, chars, mentions, clock.Elapsed);
        progress?.Report(result);
        return result;
    }

    /// <summary>Blocks until running background merges finish (tests use it to make merge timing deterministic).</summary>
    internal void WaitForMerges() => Writer().WaitForMerges();

    /// <summary>Facts about the index: article count, segments, size, versions.</summary>
    public IndexStats Stats()
    {
        var searcher = Acquire();
        try
        {
            var reader = searcher.IndexReader;
            var data = reader is DirectoryReader directoryReader ? directoryReader.IndexCommit.UserData : new Dictionary<string, string>();
            long size = 0;
            if (_directory is FSDirectory)
            {
                foreach (var file in _directory.ListAll())
                {
                    try
                    {
                        size += _directory.FileLength(file);
                    }
                    catch (FileNotFoundException)
                    {
                        // deleted by a concurrent merge between listing and sizing
                    }
                }
            }

            return new IndexStats(reader.NumDocs, reader.NumDeletedDocs, reader.Leaves.Count, size,
                data.TryGetValue(SchemaKey, out var schema) ? schema : "?",
                data.TryGetValue(CatalogKey, out var catalog) ? catalog : "?", Location);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>Closes the index. Changes not committed are discarded.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _searchers.Dispose();
        if (_writer is not null)
        {
            _writer.Rollback(); // explicit commits only: uncommitted changes are dropped, as documented
        }

        _analyzer.Dispose();
        _directory.Dispose();
    }

    private IndexWriter Writer()
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        return _writer ?? throw new InvalidOperationException($"index at {Location} is open read-only");
    }

    private IndexSearcher Acquire()
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        if (_dirty)
        {
            _dirty = false;
            _searchers.MaybeRefreshBlocking();
        }
        else if (_writer is null && _sinceRefresh.ElapsedMilliseconds > 1000)
        {
            // Read-only: pick up commits made by the writer, at most once a second.
            _sinceRefresh.Restart();
            _searchers.MaybeRefresh();
        }

        return _searchers.Acquire();
    }

    private Dictionary<string, string> CommitData() => new()
    {
        [SchemaKey] = SchemaVersion,
        [CatalogKey] = Catalog.Version,
    };

    private static void CheckVersion(LuceneDirectory directory, string location, ArticleIndexOptions options)
    {
        var infos = new SegmentInfos();
        infos.Read(directory);
        var data = infos.UserData;
        if (!data.TryGetValue(SchemaKey, out var schema))
        {
            throw new IndexVersionException($"{location} is a Lucene index but not a NewsIndex one (no schema version in its commit data); refusing to open it");
        }

        if (schema != SchemaVersion)
        {
            throw new IndexVersionException($"index at {location} has schema {schema}; this NewsIndex reads schema {SchemaVersion}. Re-index the articles into a new directory");
        }

        if (!options.AllowCatalogMismatch && data.TryGetValue(CatalogKey, out var catalog) && catalog != options.Catalog.Version)
        {
            throw new IndexVersionException($"index at {location} was tagged with entity catalog {catalog}, this one is {options.Catalog.Version}; re-index the articles, or open with AllowCatalogMismatch");
        }
    }
}
