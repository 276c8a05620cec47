using System.Runtime.CompilerServices;
using NewsIndex.Indexing;
using NewsIndex.Ingestion;
using static NewsIndex.Tests.ArticleBuilder;

namespace NewsIndex.Tests.Indexing;

public class IndexAllAsyncTests
{
    [Test]
    public async Task IndexAllAsync_IndexesEveryArticleOfAnAsyncReader_InOrderOfIds()
    {
        using var index = ArticleIndex.CreateInMemory(new ArticleIndexOptions { IndexingThreads = 2 });
        var reports = new List<IndexingProgress>();
        var result = await index.IndexAllAsync(Numbered(500, TimeSpan.Zero), new SynchronousProgress(reports.Add));

        Assert.That(result.Articles, Is.EqualTo(500));
        Assert.That(reports[^1], Is.EqualTo(result), "the last report is the result");
        Assert.That(index.Search("country:Niger").Total, Is.EqualTo(500));
        Assert.That(index.Get("a-499")?.Article.Title, Is.EqualTo("Report 499"));
    }

    [Test]
    public async Task IndexAllAsync_ReadsFilesThroughTheAsyncReader()
    {
        using var index = ArticleIndex.CreateInMemory();
        var result = await index.IndexAllAsync(ArticleReader.ReadAsync(TestPaths.Seeds));
        Assert.That(result.Articles, Is.EqualTo(Directory.GetFiles(TestPaths.Seeds, "*.txt").Length));
        Assert.That(index.Search("force:Wagner").Total, Is.GreaterThan(0));
    }

    [Test]
    public async Task IndexAllAsync_WhenIndexingStalls_StopsReadingTheSource()
    {
        using var index = ArticleIndex.CreateInMemory(new ArticleIndexOptions { IndexingThreads = 1 });
        using var release = new ManualResetEventSlim();
        using var cancel = new CancellationTokenSource();
        IndexingProgress? stalledAt = null;
        var produced = 0L;
        // Progress is reported on the pipeline's reading thread: blocking it stalls the pipeline.
        var progress = new SynchronousProgress(p =>
        {
            if (stalledAt is null)
            {
                stalledAt = p;
                release.Wait(TimeSpan.FromMinutes(1));
            }
        });

        var run = index.IndexAllAsync(Endless(() => Interlocked.Increment(ref produced)), progress, cancel.Token);
        var stable = await WaitUntilStable(() => Interlocked.Read(ref produced));

        Assert.That(stalledAt, Is.Not.Null, "the pipeline reported progress");
        // Bound: what was indexed, plus the pipeline's queues (writers' and story stage's), the chunk each of their
        // consumers took and the article each producer holds, plus the async buffer, plus the article being written.
        Assert.That(stable - stalledAt!.Articles, Is.LessThanOrEqualTo(
            IndexStore.QueueCapacity + IndexStore.StoryQueueCapacity + (2 * HandoffQueue<int>.TakeChunk) + 2 + ArticleIndex.AsyncBufferCapacity + 2));

        cancel.Cancel();
        release.Set();
        Assert.That(async () => await run, Throws.InstanceOf<OperationCanceledException>());
        Assert.That(index.Search("*").Total, Is.GreaterThan(0), "articles added before the cancellation stay (uncommitted)");
    }

    [Test]
    public void IndexAllAsync_SourceFails_RethrowsItsError()
    {
        using var index = ArticleIndex.CreateInMemory();
        Assert.That(async () => await index.IndexAllAsync(FailingAfter(3)),
            Throws.TypeOf<ArticleFormatException>().With.Message.Contains("feed.rss:4"));
        Assert.That(index.Search("*").Total, Is.LessThanOrEqualTo(3), "nothing after the error");
    }

    [Test]
    public void IndexAllAsync_ReadOnlyIndex_Throws_AndTheSourceIsNotReadToTheEnd()
    {
        var dir = TestPaths.NewTempDirectory();
        try
        {
            using (var writer = ArticleIndex.Open(dir))
            {
                writer.Commit();
            }

            using var reader = ArticleIndex.Open(dir, new ArticleIndexOptions { ReadOnly = true });
            var produced = 0L;
            Assert.That(async () => await reader.IndexAllAsync(Endless(() => Interlocked.Increment(ref produced))), Throws.InvalidOperationException.With.Message.Contains("read-only"));
            Assert.That(Interlocked.Read(ref produced), Is.LessThan(10_000), "the source stops when the pipeline fails");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public void IndexAllAsync_PipelineFails_WhileTheSourceWaits_CancelsTheSource_AndThrowsThePipelinesError()
    {
        using var index = ArticleIndex.CreateInMemory();
        var cancelled = false;
        async IAsyncEnumerable<Article> Stuck([EnumeratorCancellation] CancellationToken token = default)
        {
            await Task.Delay(200, token); // past the pipeline's first progress report (after 100 ms)
            yield return Article("first", "Troops in Chad.");
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(30), token); // a source waiting on slow I/O
            }
            finally
            {
                cancelled = token.IsCancellationRequested;
            }

            yield return Article("never", "Troops in Chad.");
        }

        // The progress callback runs on the pipeline's thread: its failure is a failure of the pipeline.
        var failing = new SynchronousProgress(_ => throw new InvalidOperationException("progress sink is gone"));
        Assert.That(async () => await index.IndexAllAsync(Stuck(), failing), Throws.InvalidOperationException.With.Message.EqualTo("progress sink is gone"));
        Assert.That(cancelled, Is.True, "the waiting source was cancelled");
    }

    [Test]
    public void IndexAllAsync_AlreadyCancelled_ThrowsBeforeReading()
    {
        using var index = ArticleIndex.CreateInMemory();
        var produced = 0L;
        Assert.That(async () => await index.IndexAllAsync(Endless(() => Interlocked.Increment(ref produced)), cancellationToken: new CancellationToken(true)),
            Throws.InstanceOf<OperationCanceledException>());
        Assert.That(Interlocked.Read(ref produced), Is.Zero);
    }

    private static async Task<long> WaitUntilStable(Func<long> read)
    {
        var last = -1L;
        for (var i = 0; i < 200; i++)
        {
            await Task.Delay(100);
            var now = read();
            if (now == last && now > 0)
            {
                return now;
            }

            last = now;
        }

        return read();
    }

    private static async IAsyncEnumerable<Article> Numbered(int count, TimeSpan delay, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = 0; i < count; i++)
        {
            if (delay > TimeSpan.Zero || i % 50 == 0)
            {
                await Task.Delay(delay, cancellationToken);
            }

            yield return Article($"a-{i}", $"Troops in Niger, report {i}.", title: $"Report {i}");
        }
    }

    private static async IAsyncEnumerable<Article> Endless(Func<long> onYield, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = 0L; ; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (i % 64 == 0)
            {
                await Task.Yield();
            }

            onYield();
            yield return Article($"e-{i}", "Troops in Chad.");
        }
    }

    private static async IAsyncEnumerable<Article> FailingAfter(int good)
    {
        for (var i = 0; i < good; i++)
        {
            await Task.Yield();
            yield return Article($"g-{i}", "Troops in Mali.");
        }

        throw new ArticleFormatException(new IngestionError("feed.rss", good + 1, "not a feed item"));
    }

    /// <summary>Reports on the calling thread (unlike <see cref="Progress{T}"/>, which posts).</summary>
    private sealed class SynchronousProgress(Action<IndexingProgress> report) : IProgress<IndexingProgress>
    {
        public void Report(IndexingProgress value) => report(value);
    }
}
