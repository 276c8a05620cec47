using static NewsIndex.Tests.ArticleBuilder;

namespace NewsIndex.Tests.Reliability;

/// <summary>
/// A writer killed while creating a new index leaves the lock files and a zero-byte <c>segments_1</c> (Lucene 4.8 writes
/// the first, empty commit in place). No article was ever committed, so the index is not damaged: verify says so, and
/// readers see an empty index, the next writer creates it afresh. Found by the kill -9 round of <c>.ci/run</c>.
/// </summary>
public class InterruptedCreationTests
{
    private string _dir = null!;

    [SetUp]
    public void SetUp()
    {
        _dir = TestPaths.NewTempDirectory();
        File.WriteAllBytes(Path.Combine(_dir, "segments_1"), []);
        File.WriteAllBytes(Path.Combine(_dir, "write.lock"), []);
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void Verify_ReportsAnEmptyHealthyIndex()
    {
        var report = ArticleIndex.Verify(_dir);
        Assert.That((report.Healthy, report.Articles, report.Problems.Count), Is.EqualTo((true, 0, 0)));
    }

    [Test]
    public void AReader_SeesAnEmptyIndex_AndLeavesTheDirectoryAsItWas()
    {
        using (var reader = ArticleIndex.Open(_dir, ArticleIndexOptions.Default with { ReadOnly = true }))
        {
            Assert.That(reader.Search("Niger").Total, Is.EqualTo(0));
        }

        Assert.That(new FileInfo(Path.Combine(_dir, "segments_1")).Length, Is.EqualTo(0), "a reader writes nothing");
    }

    [Test]
    public void TheNextWriter_CreatesTheIndexAfresh_AndItsCommitIsReadable()
    {
        using (var index = ArticleIndex.Open(_dir))
        {
            index.Upsert(Article("a1", "Niger report.", title: "After the crash"));
            index.Commit();
        }

        Assert.That(ArticleIndex.Verify(_dir).Healthy, Is.True);
        using var reopened = ArticleIndex.Open(_dir);
        Assert.That(reopened.Get("a1"), Is.Not.Null);
    }

    [Test]
    public void ATornSegmentsFileBesideSegmentData_IsStillDamage()
    {
        // Segment data beside an unreadable segments file may hold committed articles: never recreated silently.
        File.WriteAllBytes(Path.Combine(_dir, "_0.cfs"), [1, 2, 3]);
        Assert.That(ArticleIndex.Verify(_dir).Healthy, Is.False);
    }
}
