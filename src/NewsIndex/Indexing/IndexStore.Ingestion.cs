using System.Diagnostics;
using Lucene.Net.Index;
using NewsIndex.Entities;
using NewsIndex.Ingestion;
using NewsIndex.Mapping;

namespace NewsIndex.Indexing;

internal sealed partial class IndexStore
{
    internal const int QueueCapacity = 1024;
    internal const int StoryQueueCapacity = 256;

    /// <summary>
    /// Indexes a stream of articles, replacing articles with the same ids. The calling thread reads the input once, in
    /// order, tags each article and commits when <paramref name="options"/> asks for it; a story thread (when the index
    /// keeps stories) assigns stories in input order; writer threads map and add the articles.
    /// </summary>
    /// <remarks>
    /// <para>Balance, as measured on two cores: tagging on the reading thread (about 87 MB/s) keeps a pipeline of one or
    /// two writers busy; story signing and assignment (about 22 µs an article) on that thread too made it the
    /// bottleneck, so stories have their own stage. Tagging on the writer threads instead (stories then assigned in
    /// input order through a gate) was tried and measured slower: 61,560 Reuters articles took 10.5–11.9 s instead of
    /// 8.9 s at 1 and 2 writers. Each writer thread reuses its Lucene fields (<see cref="FieldPool"/>).</para>
    /// <para>Order: each id goes to one writer thread (by its hash), so two versions of an article in one input are
    /// written in input order and the later one wins.</para>
    /// <para>Nothing can hang: the first failure of any writer thread, the story thread or a commit cancels the whole
    /// run (no thread waits on a queue that nobody drains), every thread has stopped before this returns or throws, and
    /// the failure surfaces once as <see cref="IndexingFailedException"/>.</para>
    /// <para>Checkpoints: articles are numbered in reading order; a <see cref="CompletionWatermark"/> tracks the longest
    /// prefix that writer threads have finished. A commit records that prefix (read before the commit starts, so the
    /// commit holds it) as the checkpoint; articles past it that the commit also holds are simply added again on resume
    /// (same id: replaced).</para>
    /// </remarks>
    public IndexingProgress IndexAll(IEnumerable<Article> articles, IndexingOptions options, IProgress<IndexingProgress>? progress, CancellationToken cancellationToken)
    {
        Writer();
        ThrowIfBroken("indexing");
        var skip = ResumePosition(options);
        var clock = Stopwatch.StartNew();
        long count = 0, chars = 0, mentions = 0, skipped = 0, committed = 0;
        var lastReport = TimeSpan.Zero;
        var lastCommit = clock.Elapsed.Ticks;
        Task? runningCommit = null;
        var watermark = new CompletionWatermark();
        var threads = Math.Max(1, _settings.IndexingThreads);
        Exception? failure = null;
        string? failedArticle = null;
        // One queue per writer thread, chosen by the article id's hash: two versions of an article in one input go to
        // the same writer, which adds them in input order, so the later one wins.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var queues = Enumerable.Range(0, threads)
            .Select(_ => new HandoffQueue<(long Sequence, Article Article, ArticleEntities Entities, ArticleStory? Story)>(Math.Max(64, QueueCapacity / threads), stop.Token))
            .ToArray();

        void Fail(Exception error, string? articleId)
        {
            if (Interlocked.CompareExchange(ref failure, error, null) is null)
            {
                failedArticle = articleId;
            }

            stop.Cancel();
        }

        IndexingProgress Snapshot() => new(Interlocked.Read(ref count), Interlocked.Read(ref chars), Interlocked.Read(ref mentions), clock.Elapsed)
        {
            Committed = Interlocked.Read(ref committed),
            Skipped = skipped,
        };

        bool CommitAt(bool completed)
        {
            var reached = watermark.Value;
            if (options.Source is not null)
            {
                _checkpoint = new IndexingCheckpoint(options.Source, skip + reached, completed);
            }

            try
            {
                CommitCore(); // a background merge failure stays recorded for the caller's next Commit()
                Interlocked.Exchange(ref committed, reached);
                Volatile.Write(ref lastCommit, clock.Elapsed.Ticks);
                return true;
            }
            catch (NewsIndexException ex)
            {
                Fail(ex.InnerException ?? ex, null);
                return false;
            }
        }

        void Route((long Sequence, Article Article, ArticleEntities Entities, ArticleStory? Story) item) =>
            queues[threads == 1 ? 0 : (int)((uint)StringComparer.Ordinal.GetHashCode(item.Article.Id) % (uint)threads)].Add(item);

        // Stories get a stage of their own: one thread signs and assigns them in input order between the reading
        // thread and the writers, so neither carries that cost (about half of the reading thread's work otherwise).
        using var storyQueue = Stories is null ? null : new HandoffQueue<(long Sequence, Article Article, ArticleEntities Entities)>(StoryQueueCapacity, stop.Token);
        var storyStage = Stories is not { } keeper || storyQueue is null ? null : Task.Factory.StartNew(() =>
        {
            NameThread("NewsIndex stories");
            Interlocked.Increment(ref _runningWorkers);
            try
            {
                foreach (var (sequence, article, entities) in storyQueue.GetConsumingEnumerable())
                {
                    ArticleStory story;
                    try
                    {
                        story = keeper.Assign(article, entities);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        Fail(ex, article.Id);
                        return;
                    }

                    Route((sequence, article, entities, story));
                }
            }
            catch (OperationCanceledException)
            {
                // stopped by the caller or by a failure elsewhere (recorded in `failure`)
            }
            finally
            {
                foreach (var queue in queues)
                {
                    queue.CompleteAdding();
                }

                Interlocked.Decrement(ref _runningWorkers);
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        var workers = queues.Select((queue, n) => Task.Factory.StartNew(() =>
        {
            NameThread($"NewsIndex writer {n + 1}");
            Interlocked.Increment(ref _runningWorkers);
            var fields = new FieldPool();
            try
            {
                foreach (var (sequence, article, entities, story) in queue.GetConsumingEnumerable())
                {
                    try
                    {
                        var document = _mapper.ToDocument(article, entities, story, fields);
                        Change($"adding article \"{article.Id}\"", w => w.UpdateDocument(new Term(FieldNames.Id, article.Id), document));
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        Fail(ex, article.Id);
                        return;
                    }

                    Interlocked.Add(ref chars, article.Length);
                    Interlocked.Add(ref mentions, entities.Mentions.Count);
                    Interlocked.Increment(ref count);
                    watermark.Done(sequence);
                }
            }
            catch (OperationCanceledException)
            {
                // the run was stopped: by the caller, or by another thread's failure (recorded in `failure`)
            }
            finally
            {
                Interlocked.Decrement(ref _runningWorkers);
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();

        Exception? inputError = null;
        var completed = false;
        try
        {
            long sequence = 0, position = 0;
            foreach (var article in articles)
            {
                stop.Token.ThrowIfCancellationRequested();
                if (++position <= skip)
                {
                    skipped++;
                    continue;
                }

                ArticleEntities entities;
                try
                {
                    // The reading thread tags: tagging costs about what parsing does, and it takes that work off the
                    // writer threads, which are the bottleneck (analysis and inversion) with one or two of them.
                    entities = Catalog.Tagger.Tag(article);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    Fail(ex, article.Id);
                    break;
                }

                if (storyQueue is not null)
                {
                    storyQueue.Add((sequence++, article, entities));
                }
                else
                {
                    Route((sequence++, article, entities, null));
                }

                // A periodic commit runs beside the reading thread (its prepare flushes every writer's buffer: about a
                // fifth of the reading thread's time when it ran here); one at a time, the next waits for a later article.
                if (options.CommitsPeriodically && runningCommit is not { IsCompleted: false }
                    && CommitDue(options, watermark.Value - Interlocked.Read(ref committed), clock.Elapsed - TimeSpan.FromTicks(Volatile.Read(ref lastCommit))))
                {
                    runningCommit = Task.Run(() => CommitAt(false), CancellationToken.None);
                }

                if (progress is not null && clock.Elapsed - lastReport > TimeSpan.FromMilliseconds(100))
                {
                    lastReport = clock.Elapsed;
                    progress.Report(Snapshot());
                }
            }

            completed = failure is null;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // cancelled by the caller or by a failure; handled below
        }
        catch (Exception ex)
        {
            // The writers are healthy: they finish what was read, so a periodic run commits all of it.
            inputError = ex;
        }
        finally
        {
            if (storyQueue is not null)
            {
                storyQueue.CompleteAdding(); // the story stage completes the writers' queues when it has drained it
            }
            else
            {
                foreach (var queue in queues)
                {
                    queue.CompleteAdding();
                }
            }
        }

        try
        {
            Task.WaitAll(storyStage is null ? workers : [.. workers, storyStage], CancellationToken.None);
        }
        catch (AggregateException)
        {
            // workers record their own failures; nothing else escapes them
        }
        finally
        {
            foreach (var queue in queues)
            {
                queue.Dispose();
            }

            // A periodic commit still running finishes before the final one (its failure is recorded in `failure`).
            runningCommit?.ContinueWith(static _ => { }, TaskScheduler.Default).Wait(CancellationToken.None);
        }

        _dirty = true;
        if (failure is null && options.Source is not null)
        {
            _checkpoint = new IndexingCheckpoint(options.Source, skip + watermark.Value, completed);
        }

        if (failure is null && options.CommitsPeriodically && watermark.Value + skip > 0)
        {
            CommitAt(completed);
        }

        var result = Snapshot();
        progress?.Report(result);
        if (failure is not null)
        {
            var cause = IndexErrors.Translate(failure, Location, "indexing", reading: false) ?? failure;
            throw new IndexingFailedException(Location, failedArticle, result, cause);
        }

        if (inputError is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(inputError);
        }

        if (!completed)
        {
            throw new IndexingCancelledException(result, cancellationToken);
        }

        return result;
    }

    private static bool CommitDue(IndexingOptions options, long uncommitted, TimeSpan sinceCommit) =>
        uncommitted > 0
        && ((options.CommitEvery > 0 && uncommitted >= options.CommitEvery)
            || (options.CommitInterval > TimeSpan.Zero && sinceCommit >= options.CommitInterval));

    private long ResumePosition(IndexingOptions options)
    {
        if (!options.Resume || _committedCheckpoint is not { } last)
        {
            return 0;
        }

        if (options.Source is null || last.Source != options.Source)
        {
            throw new NewsIndexException($"cannot resume: the last checkpoint in {Location} is for another input ({last.Source}); " +
                                         $"this input is {options.Source ?? "unnamed"}. Index without resuming to add it all");
        }

        return last.Position;
    }

    /// <summary>Names a pipeline thread (its own, long-running) so profilers and <c>top -H</c> tell the stages apart.</summary>
    private static void NameThread(string name)
    {
        try
        {
            Thread.CurrentThread.Name = name;
        }
        catch (InvalidOperationException)
        {
            // a runtime that allows one name per thread, and this one has it already
        }
    }
}
