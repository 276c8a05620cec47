using System.Diagnostics;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using NewsIndex.Analysis;
using NewsIndex.Entities;
using NewsIndex.Ingestion;
using NewsIndex.Mapping;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace NewsIndex.Indexing;

/// <summary>What the write side needs to know about how an index is opened.</summary>
/// <param name="Catalog">The catalog articles are tagged with.</param>
/// <param name="ReadOnly">Open for searching only: no writer, no lock.</param>
/// <param name="AllowCatalogMismatch">Open an index tagged with another catalog version.</param>
/// <param name="RamBufferMB">Indexing buffer before a flush.</param>
/// <param name="IndexingThreads">Writer threads of <see cref="IndexStore.IndexAll"/>.</param>
/// <param name="VerifyOnOpen">A writer checks the checksums of the committed files before writing on top of them.</param>
/// <param name="MaxBufferedDocs">Flush after this many documents (tests use it to force segments and merges); 0: by RAM only.</param>
internal sealed record IndexStoreSettings(EntityCatalog Catalog, bool ReadOnly, bool AllowCatalogMismatch, double RamBufferMB, int IndexingThreads,
    bool VerifyOnOpen = false, int MaxBufferedDocs = 0);

/// <summary>
/// The write side of an index: the directory, the one <see cref="IndexWriter"/> guarded by a <see cref="WriterLock"/>,
/// versioned commits with ingestion checkpoints, the ingestion pipeline, and the <see cref="SearcherManager"/> that
/// hands near-real-time searchers to the read side.
/// </summary>
internal sealed partial class IndexStore : IDisposable
{
    /// <summary>The index layout this version writes and reads. Bump it when fields change.</summary>
    public const string SchemaVersion = "8";

    internal const string SchemaKey = "newsindex.schema";
    internal const string CatalogKey = "newsindex.catalog";
    internal const string CheckpointSourceKey = "newsindex.checkpoint.source";
    internal const string CheckpointPositionKey = "newsindex.checkpoint.position";
    internal const string CheckpointCompletedKey = "newsindex.checkpoint.completed";

    private readonly LuceneDirectory _directory;
    private readonly WriterLock? _lock;
    private readonly IndexWriter? _writer;
    private readonly SearcherManager _searchers;
    private readonly SafeMergeScheduler? _mergeScheduler;
    private readonly DocumentMapper _mapper;
    private readonly IndexStoreSettings _settings;
    private readonly Stopwatch _sinceRefresh = Stopwatch.StartNew();
    private readonly object _commitGate = new();

    // Changes to the writer's buffer share this gate; a commit takes it exclusively (see Change).
    private readonly ReaderWriterLockSlim _changes = new(LockRecursionPolicy.NoRecursion);
    private Exception? _broken;
    private IndexingCheckpoint? _checkpoint;
    private IndexingCheckpoint? _committedCheckpoint;
    private volatile bool _dirty;
    private int _disposed;
    private int _runningWorkers;

    /// <summary>An empty committed index in memory, for readers of an index whose creation was interrupted.</summary>
    private static RAMDirectory EmptyIndex(NewsAnalyzer analyzer)
    {
        var empty = new RAMDirectory();
        using var writer = new IndexWriter(empty, new IndexWriterConfig(NewsAnalyzer.Version, analyzer));
        writer.Commit();
        return empty;
    }

    /// <summary>Opens the store; on failure the directory is disposed and the lock released.</summary>
    /// <param name="directory">The Lucene directory; the store owns it.</param>
    /// <param name="location">The path shown in messages.</param>
    /// <param name="settings">How to open.</param>
    /// <param name="analyzer">The analyzer of the writer.</param>
    /// <param name="lockDirectory">The file-system folder to take the cross-process <see cref="WriterLock"/> in; null
    /// for directories that no other process can see (in memory).</param>
    /// <exception cref="IndexInUseException">Another writer holds the index.</exception>
    /// <exception cref="IndexVersionException">The index was written by an incompatible schema or catalog.</exception>
    /// <exception cref="IndexCorruptException">The index is damaged.</exception>
    public IndexStore(LuceneDirectory directory, string location, IndexStoreSettings settings, NewsAnalyzer analyzer, string? lockDirectory)
    {
        _directory = directory;
        _settings = settings;
        Location = location;
        _mapper = new DocumentMapper(settings.Catalog);
        try
        {
            // The OS-level lock comes first: everything below, even reading the commit, happens as the only writer.
            _lock = !settings.ReadOnly && lockDirectory is not null ? WriterLock.Acquire(lockDirectory) : null;
            var interrupted = IndexIntegrity.IsInterruptedCreation(directory);
            if (interrupted && !settings.ReadOnly)
            {
                // A writer died while creating this index, before any article was committed: create it afresh.
                foreach (var file in directory.ListAll().Where(f => f.StartsWith(IndexFileNames.SEGMENTS, StringComparison.Ordinal)))
                {
                    directory.DeleteFile(file);
                }
            }

            var exists = !interrupted && DirectoryReader.IndexExists(directory);
            if (exists)
            {
                _committedCheckpoint = _checkpoint = CheckVersion(directory, location, settings);
            }

            if (settings.ReadOnly)
            {
                if (!exists && !interrupted)
                {
                    throw new NewsIndexException($"no index at {location}: create it first (newsindex index --index {location} PATH)");
                }

                // An interrupted creation holds no article: readers see an empty index until a writer creates it.
                _searchers = new SearcherManager(interrupted ? EmptyIndex(analyzer) : directory, null);
                return;
            }

            if (exists && settings.VerifyOnOpen)
            {
                VerifyChecksums(directory, location);
            }

            _mergeScheduler = new SafeMergeScheduler();
            _mergeScheduler.Failed += error => MergeFailed?.Invoke(error);
            var config = new IndexWriterConfig(NewsAnalyzer.Version, analyzer)
            {
                OpenMode = OpenMode.CREATE_OR_APPEND,
                RAMBufferSizeMB = settings.RamBufferMB,
                MergeScheduler = _mergeScheduler,
                WriteLockTimeout = 0,
            };
            if (settings.MaxBufferedDocs > 0)
            {
                config.MaxBufferedDocs = settings.MaxBufferedDocs;
            }

            try
            {
                _writer = new IndexWriter(directory, config);
            }
            catch (LockObtainFailedException ex)
            {
                throw new IndexInUseException(location, lockDirectory is null ? null : WriterLock.ReadHolder(lockDirectory), ex);
            }

            if (!exists)
            {
                // A new index gets its first commit at once, so no reader ever finds a directory with a write.lock
                // and no segments file, and disposing an untouched writer leaves a valid empty index.
                _writer.SetCommitData(CommitData());
                _writer.Commit();
            }

            _searchers = new SearcherManager(_writer, true, null);
        }
        catch (Exception ex)
        {
            _mergeScheduler?.Dispose();
            DisposeQuietly(_writer is null ? null : () => _writer.Rollback());
            DisposeQuietly(directory.Dispose);
            _lock?.Dispose();
            if (IndexErrors.Translate(ex, location, "opening") is { } translated)
            {
                throw translated;
            }

            if (ex is IOException io and not FileNotFoundException and not DirectoryNotFoundException)
            {
                throw new IndexWriteException(location, "opening", io);
            }

            throw;
        }
    }

    /// <summary>Raised (on a merge thread) when a background merge fails.</summary>
    public event Action<Exception>? MergeFailed;

    /// <summary>The directory path, or <c>(memory)</c>.</summary>
    public string Location { get; }

    /// <summary>The catalog articles are tagged with.</summary>
    public EntityCatalog Catalog => _settings.Catalog;

    /// <summary>Assigns stories to written articles; null when the index keeps no stories. Set once, before writing.</summary>
    public IStoryKeeper? Stories { get; set; }

    /// <summary>True when opened read-only.</summary>
    public bool IsReadOnly => _writer is null;

    /// <summary>The checkpoint recorded by the last commit, if any.</summary>
    public IndexingCheckpoint? LastCheckpoint => _committedCheckpoint;

    /// <summary>Writer threads of <see cref="IndexAll"/> still running (tests check that none outlives a run).</summary>
    internal int RunningWorkers => Volatile.Read(ref _runningWorkers);

    /// <summary>Background merge threads still running (tests check that none outlives the store).</summary>
    internal int RunningMerges => _mergeScheduler?.RunningMerges ?? 0;

    /// <summary>Tags and adds an article, replacing any with the same id.</summary>
    public ArticleEntities Upsert(Article article)
    {
        Writer();
        var entities = Catalog.Tagger.Tag(article);
        var story = Stories?.Assign(article, entities);
        var document = _mapper.ToDocument(article, entities, story);
        Change($"adding article \"{article.Id}\"", writer => writer.UpdateDocument(new Term(FieldNames.Id, article.Id), document));
        _dirty = true;
        return entities;
    }

    /// <summary>Deletes the article with this id, if any.</summary>
    public void Delete(string id)
    {
        Change($"deleting article \"{id}\"", writer => writer.DeleteDocuments(new Term(FieldNames.Id, id)));
        Stories?.Remove(id);
        _dirty = true;
    }

    /// <summary>Commits durably with the schema and catalog versions and the current checkpoint; throws a merge failure
    /// seen since the last commit.</summary>
    public void Commit()
    {
        CommitCore();
        if (_mergeScheduler?.TakeFailure() is { } failure)
        {
            throw new IndexMergeException(failure);
        }
    }

    /// <summary>Blocks until running background merges finish.</summary>
    public void WaitForMerges()
    {
        var writer = Writer();
        IndexErrors.Write(Location, "merging", () =>
        {
            writer.WaitForMerges();
            return 0;
        });
    }

    /// <summary>Merges down to at most <paramref name="segments"/> segments (tests use it to renumber documents).</summary>
    public void ForceMerge(int segments)
    {
        Change("merging", writer => writer.ForceMerge(segments));
        _dirty = true;
    }

    /// <summary>Facts about the index: article count, segments, size, versions.</summary>
    public IndexStats Stats()
    {
        var searcher = Acquire();
        try
        {
            return IndexErrors.Read(Location, "reading index statistics", () =>
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
            });
        }
        finally
        {
            Release(searcher);
        }
    }

    /// <summary>A searcher over the latest changes (near-real-time); give it back with <see cref="Release"/>.</summary>
    public IndexSearcher Acquire()
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        return IndexErrors.Read(Location, "opening a searcher", () =>
        {
            if (_dirty)
            {
                _dirty = false;
                if (_writer is null)
                {
                    _searchers.MaybeRefreshBlocking();
                }
                else
                {
                    // A near-real-time refresh flushes the writer's buffer, so it can fail the way a write does.
                    Change("refreshing the searcher", _ => _searchers.MaybeRefreshBlocking());
                }
            }
            else if (_writer is null && _sinceRefresh.ElapsedMilliseconds > 1000)
            {
                // Read-only: pick up commits made by the writer, at most once a second.
                _sinceRefresh.Restart();
                _searchers.MaybeRefresh();
            }

            return _searchers.Acquire();
        });
    }

    /// <summary>Returns a searcher taken with <see cref="Acquire"/>.</summary>
    public void Release(IndexSearcher searcher) => _searchers.Release(searcher);

    /// <summary>Closes the store: uncommitted changes are discarded, merge threads stopped, the lock released. Never
    /// throws: a writer that cannot roll back cleanly still lets go of its files and lock.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        DisposeQuietly(_searchers.Dispose);
        if (_writer is not null)
        {
            // Explicit commits only: uncommitted changes are dropped, as documented.
            DisposeQuietly(_writer.Rollback);
        }

        DisposeQuietly(() => _mergeScheduler?.Dispose());
        DisposeQuietly(_directory.Dispose);
        _lock?.Dispose();
        _changes.Dispose();
    }

    /// <summary>
    /// Runs a change to the writer's buffer (add, delete, flush, merge) under the shared side of the change gate.
    /// </summary>
    /// <remarks>
    /// Lucene.Net 4.8 answers an I/O failure while flushing buffered documents by discarding the whole in-memory
    /// segment, including documents whose add already returned (on this thread or another), and then carries on: a
    /// later commit would durably drop acknowledged changes while a checkpoint promised them. So any failure that is
    /// not about the document itself breaks the store: every later change and commit throws
    /// <see cref="IndexWriteException"/>, and what is on disk stays the last commit. A commit holds the gate
    /// exclusively, so a failure on any thread is recorded before a commit on another thread can start.
    /// </remarks>
    private void Change(string operation, Action<IndexWriter> change)
    {
        var writer = Writer();
        _changes.EnterReadLock();
        try
        {
            ThrowIfBroken(operation);
            change(writer);
        }
        catch (Exception ex) when (MayDiscardBuffered(ex))
        {
            Interlocked.CompareExchange(ref _broken, ex, null);
            if (IndexErrors.Translate(ex, Location, operation, reading: false) is { } translated)
            {
                throw translated;
            }

            throw;
        }
        finally
        {
            _changes.ExitReadLock();
        }
    }

    /// <summary>False for failures that Lucene confines to one document (a term over its limit: the document is
    /// skipped, the buffer kept) and for this library's own refusals; true for everything that may have discarded
    /// buffered changes.</summary>
    private static bool MayDiscardBuffered(Exception error) =>
        error is not (ArgumentException or OperationCanceledException or NewsIndexException);

    private void ThrowIfBroken(string operation)
    {
        if (Volatile.Read(ref _broken) is { } broken)
        {
            throw new IndexWriteException(Location, operation, new InvalidOperationException(
                $"an earlier write failure ({broken.GetType().Name}: {broken.Message}) may have discarded changes made since the last commit, " +
                "so nothing more is written or committed through this instance; dispose the index and open it again", broken));
        }
    }

    /// <summary>
    /// Commits in two phases so writer threads keep adding while the commit flushes and syncs: the prepare (flush of
    /// every buffered document, fsync of the new files) runs on the shared side of the change gate like any other
    /// change; only the finish (writing the segments file that makes the prepared state the commit) takes the gate
    /// exclusively, after checking that no failure discarded buffered documents in the meantime. A prepared commit that
    /// cannot finish is left pending and dropped by the rollback of <see cref="Dispose"/>.
    /// </summary>
    private void CommitCore()
    {
        var writer = Writer();
        lock (_commitGate)
        {
            var checkpoint = _checkpoint;
            _changes.EnterReadLock();
            try
            {
                ThrowIfBroken("commit");
                IndexErrors.Write(Location, "commit", () =>
                {
                    writer.SetCommitData(CommitData(checkpoint));
                    writer.PrepareCommit();
                    return 0;
                });
            }
            catch (Exception ex) when (MayDiscardBuffered(ex) || ex is IndexWriteException or IndexCorruptException)
            {
                // The prepare flushes the buffer first; a failure there discards buffered documents as above.
                Interlocked.CompareExchange(ref _broken, ex.InnerException ?? ex, null);
                throw;
            }
            finally
            {
                _changes.ExitReadLock();
            }

            _changes.EnterWriteLock();
            try
            {
                ThrowIfBroken("commit");
                IndexErrors.Write(Location, "commit", () =>
                {
                    writer.Commit();
                    return 0;
                });
                _committedCheckpoint = checkpoint;
            }
            catch (Exception ex) when (MayDiscardBuffered(ex) || ex is IndexWriteException or IndexCorruptException)
            {
                Interlocked.CompareExchange(ref _broken, ex.InnerException ?? ex, null);
                throw;
            }
            finally
            {
                _changes.ExitWriteLock();
            }
        }
    }

    private IndexWriter Writer()
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        return _writer ?? throw new InvalidOperationException($"index at {Location} is open read-only");
    }

    private Dictionary<string, string> CommitData(IndexingCheckpoint? checkpoint = null)
    {
        var data = new Dictionary<string, string>
        {
            [SchemaKey] = SchemaVersion,
            [CatalogKey] = Catalog.Version,
        };
        if (checkpoint is not null)
        {
            data[CheckpointSourceKey] = checkpoint.Source;
            data[CheckpointPositionKey] = checkpoint.Position.ToString(System.Globalization.CultureInfo.InvariantCulture);
            data[CheckpointCompletedKey] = checkpoint.Completed ? "true" : "false";
        }

        return data;
    }

    internal static IndexingCheckpoint? ReadCheckpoint(IDictionary<string, string> data) =>
        data.TryGetValue(CheckpointSourceKey, out var source)
        && data.TryGetValue(CheckpointPositionKey, out var text)
        && long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var position)
            ? new IndexingCheckpoint(source, position, data.TryGetValue(CheckpointCompletedKey, out var done) && done == "true")
            : null;

    private static IndexingCheckpoint? CheckVersion(LuceneDirectory directory, string location, IndexStoreSettings settings)
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

        if (!settings.AllowCatalogMismatch && data.TryGetValue(CatalogKey, out var catalog) && catalog != settings.Catalog.Version)
        {
            throw new IndexVersionException($"index at {location} was tagged with entity catalog {catalog}, this one is {settings.Catalog.Version}; re-index the articles, or open with AllowCatalogMismatch");
        }

        return ReadCheckpoint(data);
    }

    /// <summary>Reads every committed file end to end and checks its checksum (fast: sequential reads, no decoding).</summary>
    private static void VerifyChecksums(LuceneDirectory directory, string location)
    {
        using var reader = DirectoryReader.Open(directory);
        foreach (var leaf in reader.Leaves)
        {
            try
            {
                leaf.AtomicReader.CheckIntegrity();
            }
            catch (Exception ex) when (IndexErrors.IsCorruption(ex))
            {
                throw new IndexCorruptException(location, $"checking segment {leaf.Ord} before writing", ex);
            }
        }
    }

    private static void DisposeQuietly(Action? dispose)
    {
        if (dispose is null)
        {
            return;
        }

        try
        {
            dispose();
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or ObjectDisposedException or UnauthorizedAccessException or ArgumentException or AggregateException)
        {
            // Disposal must release what it can; the failure already surfaced (or will) through the operation that hit it.
            Trace.TraceWarning($"newsindex: closing the index failed: {ex.Message}");
        }
    }
}
