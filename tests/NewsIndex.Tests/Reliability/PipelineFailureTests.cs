using NewsIndex.Indexing;
using NewsIndex.Ingestion;
using static NewsIndex.Tests.ArticleBuilder;

namespace NewsIndex.Tests.Reliability;

/// <summary>A failing writer thread or a full disk stops a bulk run with one typed error, never a hang.</summary>
public class PipelineFailureTests
{
    private static IEnumerable<Article> Many(int count, int badAt = -1)
    {
        for (var i = 0; i < count; i++)
        {
            // An id over Lucene's 32,766-byte term limit makes the writer thread throw.
            yield return Article(i == badAt ? new string('x', 40_000) : $"a{i}", $"Report {i} from Niamey, Niger.");
        }
    }

    private static bool Finished(Task task) => Task.WhenAny(task, Task.Delay(TimeSpan.FromSeconds(30))).Result == task;

    [TestCase(1)]
    [TestCase(2)]
    public void WriterThreadFailure_CancelsTheRun_AndThrowsOnceWithTheArticle(int threads)
    {
        using var index = ArticleIndex.CreateInMemory(new ArticleIndexOptions { IndexingThreads = threads });
        var run = Task.Run(() => index.IndexAll(Many(20_000, badAt: 10)));
        Assert.That(Finished(run), Is.True, "the run must not hang when its writer thread dies");
        var error = run.Exception!.InnerException as IndexingFailedException;
        Assert.That(error, Is.Not.Null, run.Exception.ToString());
        Assert.That(error!.ArticleId, Does.StartWith("xxxx"));
        Assert.That(error.Message, Does.Contain("immense term").Or.Contain("32766"));
        Assert.That(index.RunningWorkers, Is.Zero);
        Assert.That(error.Progress.Articles, Is.LessThan(20_000), "reading stopped");
    }

    [Test]
    public void DiskFull_IsATypedError_NotAHang_AndTheLastCommitSurvives()
    {
        var directory = new FaultyDirectory();
        var options = new ArticleIndexOptions { IndexingThreads = 1, MaxBufferedDocs = 20 };
        using (var index = ArticleIndex.OpenDirectory(directory, "(faulty)", options))
        {
            index.Upsert(Article("kept", "Chad."));
            index.Commit();
            directory.Arm(new Fault(FaultKind.Quota, 20_000, Persistent: true));
            var run = Task.Run(() => index.IndexAll(Many(5_000), new IndexingOptions { CommitEvery = 100, Source = "many" }));
            Assert.That(Finished(run), Is.True, "a full disk must not hang the run");
            Assert.That(run.Exception?.InnerException, Is.InstanceOf<IndexingFailedException>().With.Message.Contains("disk full"));
            Assert.That(index.RunningWorkers, Is.Zero);
        }

        directory.Disarm();
        using var reopened = ArticleIndex.OpenDirectory(directory, "(faulty)", options);
        Assert.That(reopened.Get("kept"), Is.Not.Null);
        var checkpoint = reopened.LastCheckpoint;
        var ids = reopened.All().Select(a => a.Article.Id).ToHashSet();
        Assert.That(Enumerable.Range(0, (int)(checkpoint?.Position ?? 0)).Where(i => !ids.Contains($"a{i}")), Is.Empty);
    }

    [Test]
    public void FailingCommitOutsideARun_IsIndexWriteException()
    {
        var directory = new FaultyDirectory();
        using var index = ArticleIndex.OpenDirectory(directory, "(faulty)", new ArticleIndexOptions());
        index.Upsert(Article("a", "Niger."));
        directory.Arm(new Fault(FaultKind.Sync, 1, Persistent: true));
        Assert.That(index.Commit, Throws.InstanceOf<IndexWriteException>().With.Message.Contains("commit failed for the index at (faulty)"));
    }

    [Test]
    public void AFailedFlush_LeavesNothingMoreToCommit_AndTheLastCommitStands()
    {
        var directory = new FaultyDirectory();
        var options = new ArticleIndexOptions { IndexingThreads = 1, MaxBufferedDocs = 3 };
        using (var index = ArticleIndex.OpenDirectory(directory, "(faulty)", options))
        {
            index.Upsert(Article("kept", "Chad."));
            index.Commit();
            index.Upsert(Article("b1", "Niger."));
            index.Upsert(Article("b2", "Mali."));
            // The third buffered article triggers a flush; its first write fails once. Lucene then drops the whole
            // in-memory segment, b1 and b2 included, although their Upsert returned, and would carry on.
            directory.Arm(new Fault(FaultKind.Write, 1, Persistent: false));
            Assert.That(() => index.Upsert(Article("b3", "Sudan.")), Throws.InstanceOf<IndexWriteException>());
            Assert.That(directory.Tripped, Is.True);
            Assert.That(index.Commit, Throws.InstanceOf<IndexWriteException>().With.Message.Contains("open it again"),
                "a commit now would durably lose b1 and b2 without a word");
            Assert.That(() => index.Upsert(Article("b4", "Chad.")), Throws.InstanceOf<IndexWriteException>());
            Assert.That(() => index.IndexAll([Article("b5", "Chad.")]), Throws.InstanceOf<IndexWriteException>());
        }

        using var reopened = ArticleIndex.OpenDirectory(directory, "(faulty)", options);
        Assert.That(reopened.All().Select(a => a.Article.Id), Is.EquivalentTo(new[] { "kept" }));
        reopened.Upsert(Article("b1", "Niger."));
        reopened.Commit();
        Assert.That(reopened.Get("b1"), Is.Not.Null);
    }
}
