using NewsIndex.Indexing;
using NewsIndex.Ingestion;
using static NewsIndex.Tests.ArticleBuilder;

namespace NewsIndex.Tests.Reliability;

/// <summary>Periodic commits record checkpoints; a stopped run keeps what it acknowledged and resumes after it.</summary>
public class CheckpointTests
{
    private string _dir = null!;

    [SetUp]
    public void SetUp() => _dir = TestPaths.NewTempDirectory();

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    private static IEnumerable<Article> Input(int count, Action<int>? onRead = null)
    {
        for (var i = 0; i < count; i++)
        {
            onRead?.Invoke(i);
            yield return Article($"a{i}", $"Report {i} from Agadez, Niger.");
        }
    }

    [Test]
    public void CommitEvery_RecordsCheckpoints_AndProgressSeparatesCommittedFromAdded()
    {
        var reports = new List<IndexingProgress>();
        using var index = ArticleIndex.Open(_dir);
        var totals = index.IndexAll(Input(1_000), new IndexingOptions { CommitEvery = 100, Source = "input-1" }, new Reporter(reports.Add));

        Assert.That(totals.Articles, Is.EqualTo(1_000));
        Assert.That(totals.Committed, Is.EqualTo(1_000), "the run ends with a commit");
        Assert.That(reports, Has.All.Matches<IndexingProgress>(p => p.Committed <= p.Articles));
        Assert.That(index.LastCheckpoint, Is.EqualTo(new IndexingCheckpoint("input-1", 1_000, Completed: true)));
    }

    [Test]
    public void Cancellation_CommitsWhatWasAdded_AndResumeSkipsIt()
    {
        using var cancel = new CancellationTokenSource();
        IndexingProgress kept;
        using (var index = ArticleIndex.Open(_dir, new ArticleIndexOptions { IndexingThreads = 2 }))
        {
            var error = Assert.Throws<IndexingCancelledException>(() =>
                index.IndexAll(Input(100_000, i => { if (i == 2_500) { cancel.Cancel(); } }), new IndexingOptions { CommitEvery = 500, Source = "big" }, cancellationToken: cancel.Token))!;
            kept = error.Progress;
        }

        using var reopened = ArticleIndex.Open(_dir);
        var checkpoint = reopened.LastCheckpoint!;
        Assert.That(checkpoint.Completed, Is.False);
        Assert.That(checkpoint.Position, Is.EqualTo(kept.Committed).And.InRange(1, 2_500));
        Assert.That(reopened.Stats().Articles, Is.GreaterThanOrEqualTo(checkpoint.Position));

        var resumed = reopened.IndexAll(Input(3_000), new IndexingOptions { CommitEvery = 500, Source = "big", Resume = true });
        Assert.That(resumed.Skipped, Is.EqualTo(checkpoint.Position));
        Assert.That(resumed.Articles, Is.EqualTo(3_000 - checkpoint.Position));
        Assert.That(reopened.Stats().Articles, Is.EqualTo(3_000), "nothing duplicated, nothing missing");
    }

    [Test]
    public void Resume_OfAnotherInput_IsRefused()
    {
        using var index = ArticleIndex.Open(_dir);
        index.IndexAll(Input(10), new IndexingOptions { CommitEvery = 5, Source = "first" });
        Assert.That(() => index.IndexAll(Input(10), new IndexingOptions { Source = "second", Resume = true }),
            Throws.InstanceOf<NewsIndexException>().With.Message.Contains("another input (first)"));
    }

    [Test]
    public void InputError_WithPeriodicCommits_KeepsWhatWasAdded_AndRethrows()
    {
        static IEnumerable<Article> Broken()
        {
            foreach (var article in Input(50))
            {
                yield return article;
            }

            throw new ArticleFormatException(new IngestionError("in.jsonl", 51, "not valid JSON"));
        }

        using var index = ArticleIndex.Open(_dir);
        Assert.That(() => index.IndexAll(Broken(), new IndexingOptions { CommitEvery = 1_000, Source = "broken" }), Throws.InstanceOf<ArticleFormatException>());
        Assert.That(index.LastCheckpoint!.Position, Is.EqualTo(50));
    }

    private sealed class Reporter(Action<IndexingProgress> report) : IProgress<IndexingProgress>
    {
        public void Report(IndexingProgress value) => report(value);
    }
}
