using NewsIndex.Ingestion;
using NewsIndex.Results;
using static NewsIndex.Tests.ArticleBuilder;

namespace NewsIndex.Tests.Stories;

public sealed class IndexStoriesTests
{
    private string _dir = null!;

    [SetUp]
    public void SetUp() => _dir = TestPaths.NewTempDirectory();

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    private static Article[] Seeds() =>
        ArticleReader.Read(TestPaths.Seeds, e => Assert.Fail(e.ToString())).OrderBy(a => a.Id, StringComparer.Ordinal).ToArray();

    private static readonly Article DaytonBar = Article("dayton-1",
        "DAYTON, Ohio — Two men were killed and three wounded early Saturday when a gunman opened fire inside the Blue Heron bar on " +
        "Wayne Avenue, Dayton police said. Police identified the victims as Marcus Reed, 31, and Tyrone Gaines, 27. Detectives are " +
        "searching for a suspect seen fleeing in a silver sedan.",
        "Gunman kills two, wounds three at Dayton bar", Day(2016, 7, 9), "daytondailynews.com");

    [Test]
    public void IndexAll_FiveSeeds_ShareOneStory_OnHitsAndStoredArticles()
    {
        using var index = ArticleIndex.CreateInMemory(new ArticleIndexOptions { IndexingThreads = 2 });
        var seeds = Seeds();

        index.IndexAll(seeds);

        var hits = index.Search("niger", SearchOptions.Default with { Size = 10, Snippets = false, Why = false }).Hits;
        var stored = seeds.Select(s => index.Get(s.Id)!.Story).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(hits, Has.Count.EqualTo(5));
            Assert.That(hits.Select(h => h.Story).Distinct().Single(), Is.Not.Null.And.StartsWith("s"));
            Assert.That(stored.Distinct().Single(), Is.EqualTo(hits[0].Story));
            Assert.That(index.StoryKeeper!.Assigner.StoryCount, Is.EqualTo(1));
        });
    }

    [Test]
    public void Reopen_RebuildsStories_SoANewCopyJoinsAndDeletesStayConsistent()
    {
        string story;
        using (var index = ArticleIndex.Open(_dir))
        {
            index.IndexAll(Seeds().Append(DaytonBar));
            story = index.Get("dayton-1")!.Story!;
            index.Commit();
        }

        using (var index = ArticleIndex.Open(_dir))
        {
            var keeper = index.StoryKeeper!;
            Assert.That(keeper.Assigner.ArticleCount, Is.EqualTo(6));
            Assert.That(keeper.Assigner.StoryCount, Is.EqualTo(2));

            index.Upsert(DaytonBar with { Id = "wire-copy", Source = "apnews.com", Title = "Two killed in Ohio bar shooting" });
            Assert.That(index.Get("wire-copy")!.Story, Is.EqualTo(story));

            index.Delete("dayton-1");
            index.Delete("wire-copy");
            Assert.That(keeper.Assigner.StoryOf("dayton-1"), Is.Null);
            Assert.That(keeper.Assigner.StoryCount, Is.EqualTo(1));

            // Re-added after every report of its story was deleted: it founds the story again under the same id.
            index.Upsert(DaytonBar);
            Assert.That(index.Get("dayton-1")!.Story, Is.EqualTo(story));
        }
    }

    [Test]
    public void Reopen_WithoutCommit_ForgetsUncommittedAssignments()
    {
        using (var index = ArticleIndex.Open(_dir))
        {
            index.Upsert(DaytonBar);
            index.Commit();
            index.Upsert(DaytonBar with { Id = "uncommitted" });
        }

        using var reopened = ArticleIndex.Open(_dir);
        Assert.Multiple(() =>
        {
            Assert.That(reopened.StoryKeeper!.Assigner.ArticleCount, Is.EqualTo(1));
            Assert.That(reopened.StoryKeeper!.Assigner.StoryOf("uncommitted"), Is.Null);
        });
    }

    [Test]
    public void StoriesOff_ArticlesHaveNoStory()
    {
        using var index = ArticleIndex.CreateInMemory(new ArticleIndexOptions { Stories = null });

        index.Upsert(DaytonBar);

        Assert.Multiple(() =>
        {
            Assert.That(index.Get("dayton-1")!.Story, Is.Null);
            Assert.That(index.StoryKeeper, Is.Null);
        });
    }
}
