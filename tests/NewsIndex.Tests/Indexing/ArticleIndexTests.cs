using Lucene.Net.Index;
using NewsIndex.Indexing;
using NewsIndex.Mapping;
using NewsIndex.Ingestion;
using NewsIndex.Querying;
using static NewsIndex.Tests.ArticleBuilder;

namespace NewsIndex.Tests.Indexing;

public class ArticleIndexTests
{
    private string _dir = null!;

    [SetUp]
    public void SetUp() => _dir = TestPaths.NewTempDirectory();

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void Upsert_SameId_ReplacesTheArticle()
    {
        using var index = ArticleIndex.CreateInMemory();
        index.Upsert(Article("a", "Russian troops in Niger."));
        index.Upsert(Article("a", "French troops in Mali."));
        Assert.That(index.Search("*").Total, Is.EqualTo(1));
        Assert.That(index.Search("country:Mali").Hits.Single().Id, Is.EqualTo("a"));
        Assert.That(index.Search("country:Niger").Total, Is.Zero);
    }

    [Test]
    public void Delete_RemovesTheArticle_AndSearchSeesItAtOnce()
    {
        using var index = ArticleIndex.CreateInMemory();
        index.Upsert(Article("a", "Niger."));
        index.Upsert(Article("b", "Niger again."));
        Assert.That(index.Search("country:NE").Total, Is.EqualTo(2), "near-real-time: visible before commit");
        index.Delete("a");
        Assert.That(index.Search("country:NE").Hits.Select(h => h.Id), Is.EqualTo(new[] { "b" }));
    }

    [Test]
    public void Commit_IsDurable_UncommittedChangesAreDiscardedOnDispose()
    {
        using (var index = ArticleIndex.Open(_dir))
        {
            index.Upsert(Article("kept", "Chad."));
            index.Commit();
            index.Upsert(Article("dropped", "Chad."));
        }

        using var reopened = ArticleIndex.Open(_dir, new ArticleIndexOptions { ReadOnly = true });
        Assert.That(reopened.All().Select(a => a.Article.Id), Is.EqualTo(new[] { "kept" }));
        Assert.That(reopened.Get("kept")!.Entities.Mentioned.Countries, Is.EqualTo(new[] { "TD" }));
        Assert.That(reopened.Stats(), Has.Property("Schema").EqualTo(ArticleIndex.SchemaVersion).And.Property("Articles").EqualTo(1));
    }

    [Test]
    public void SecondWriter_FailsFastWithIndexInUse_ReadersAreFine()
    {
        using var first = ArticleIndex.Open(_dir);
        first.Upsert(Article("a", "Mali."));
        first.Commit();
        var ex = Assert.Throws<IndexInUseException>(() => ArticleIndex.Open(_dir));
        Assert.That(ex!.Message, Does.Contain("is in use by another writer"));
        using var reader = ArticleIndex.Open(_dir, new ArticleIndexOptions { ReadOnly = true });
        Assert.That(reader.Search("country:Mali").Total, Is.EqualTo(1));
        Assert.That(() => reader.Upsert(Article("b", "x")), Throws.InvalidOperationException.With.Message.Contains("read-only"));
    }

    [Test]
    public void IndexFromAnotherSchema_IsRefused_NotMisread()
    {
        using (var index = ArticleIndex.Open(_dir))
        {
            index.Upsert(Article("a", "Niger."));
            index.Commit();
        }

        RewriteCommitData(new Dictionary<string, string> { [IndexStore.SchemaKey] = "0", [IndexStore.CatalogKey] = "x" });
        var ex = Assert.Throws<IndexVersionException>(() => ArticleIndex.Open(_dir));
        Assert.That(ex!.Message, Does.Contain($"has schema 0; this NewsIndex reads schema {ArticleIndex.SchemaVersion}"));

        RewriteCommitData(new Dictionary<string, string> { [IndexStore.SchemaKey] = ArticleIndex.SchemaVersion, [IndexStore.CatalogKey] = "0123456789abcdef" });
        Assert.That(() => ArticleIndex.Open(_dir), Throws.InstanceOf<IndexVersionException>().With.Message.Contains("tagged with entity catalog 0123456789abcdef"));
        using var tolerant = ArticleIndex.Open(_dir, new ArticleIndexOptions { AllowCatalogMismatch = true, ReadOnly = true });
        Assert.That(tolerant.Search("country:NE").Total, Is.EqualTo(1));

        RewriteCommitData([]);
        Assert.That(() => ArticleIndex.Open(_dir), Throws.InstanceOf<IndexVersionException>().With.Message.Contains("not a NewsIndex one"));
    }

    private void RewriteCommitData(Dictionary<string, string> data)
    {
        using var directory = Lucene.Net.Store.FSDirectory.Open(_dir);
        using var writer = new IndexWriter(directory, new IndexWriterConfig(Lucene.Net.Util.LuceneVersion.LUCENE_48, null));
        writer.SetCommitData(data);
        writer.Commit();
    }

    [Test]
    public void FailingBackgroundMerge_DoesNotKillTheProcess_SurfacesOnCommit_AndLosesNothing()
    {
        var directory = new FailingDirectory();
        using var index = ArticleIndex.OpenDirectory(directory, "(failing)", new ArticleIndexOptions { RamBufferMB = 16 });
        var failures = 0;
        index.MergeFailed += (_, _) => Interlocked.Increment(ref failures);
        for (var i = 0; i < 12; i++)
        {
            index.Upsert(Article($"a{i}", $"Russian troops entered Airbase {i} in Niamey."));
            index.Commit(); // one segment per commit: enough segments to trigger merges
        }

        directory.FailMerges = true;
        var indexed = 12;
        var error = Assert.Throws<IndexMergeException>(() =>
        {
            // Until a background merge has run and failed (a loaded machine merges late), at most 30 s.
            var clock = System.Diagnostics.Stopwatch.StartNew();
            for (var i = 12; clock.Elapsed < TimeSpan.FromSeconds(30); i++)
            {
                index.Upsert(Article($"a{i}", $"Russian troops entered Airbase {i} in Niamey."));
                indexed++;
                index.Commit();
                Thread.Sleep(5); // let the merge thread run and fail
            }
        });
        Assert.That(error!.Message, Does.Contain("simulated disk full"));
        Assert.That(failures, Is.GreaterThan(0));
        directory.FailMerges = false;
        index.WaitForMerges();
        try
        {
            index.Commit();
        }
        catch (IndexMergeException)
        {
            // a merge that was already writing when the "disk" came back may report once more
        }

        index.Commit();
        Assert.That(index.Search("force:\"Russian troops\"", new Results.SearchOptions { Size = 1 }).Total, Is.EqualTo(indexed), "every committed article is still there");
        Assert.That(index.Stats().Articles, Is.EqualTo(indexed));
    }

    [Test]
    public void SearchesRunConcurrently_WhileOneThreadIndexes()
    {
        using var index = ArticleIndex.CreateInMemory();
        var writer = Task.Run(() =>
        {
            for (var i = 0; i < 300; i++)
            {
                index.Upsert(Article($"a{i}", $"Wagner fighters reached Air Base 101 in Niamey, day {i}."));
            }
        });
        var totals = new List<int>();
        while (!writer.IsCompleted)
        {
            Parallel.For(0, 4, _ =>
            {
                var total = index.Search("force:Wagner base:\"Air Base 101\"").Total;
                lock (totals)
                {
                    totals.Add(total);
                }
            });
        }

        writer.GetAwaiter().GetResult();
        Assert.That(index.Search("force:Wagner").Total, Is.EqualTo(300));
        Assert.That(totals, Is.Not.Empty);
        Assert.That(totals, Has.All.InRange(0, 300));
    }

    [Test]
    public void IndexAll_UsesSeveralThreads_AndReportsProgress()
    {
        using var index = ArticleIndex.CreateInMemory(new ArticleIndexOptions { IndexingThreads = 2 });
        var articles = Enumerable.Range(0, 500).Select(i => Article($"a{i}", i % 2 == 0 ? "Chad and Niger." : "Mali.")).ToArray();
        var reports = new List<IndexingProgress>();
        var totals = index.IndexAll(articles, new SynchronousProgress(reports.Add));
        Assert.That(totals.Articles, Is.EqualTo(500));
        Assert.That(reports[^1], Is.EqualTo(totals));
        Assert.That(index.Search("country:Chad").Total, Is.EqualTo(250));
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(4)]
    public void IndexAll_SameIdTwiceInOneInput_TheLaterVersionWins(int threads)
    {
        using var index = ArticleIndex.CreateInMemory(new ArticleIndexOptions { IndexingThreads = threads });
        var articles = Enumerable.Range(0, 3000).Select(i => Article($"a{i % 40}", $"Version {i}: Wagner in Mali.")).ToArray();
        index.IndexAll(articles);
        for (var id = 0; id < 40; id++)
        {
            var last = articles.Select((a, i) => (a, i)).Last(p => p.a.Id == $"a{id}").i;
            Assert.That(index.Get($"a{id}")!.Article.Body, Does.StartWith($"Version {last}:"), $"a{id}");
        }
    }

    [Test]
    public void IndexAll_StoriesDoNotDependOnThreads()
    {
        var towns = new[] { "Gao", "Kidal", "Agadez", "Niamey", "Timbuktu", "Mopti", "Diffa", "Tillaberi" };
        var day = new DateTimeOffset(2024, 5, 1, 8, 0, 0, TimeSpan.Zero);
        var articles = Enumerable.Range(0, 480).Select(i =>
        {
            var e = (i * 37) % 120; // 120 events, reported four times each, interleaved
            var town = towns[e % towns.Length];
            return Article($"r{i}", $"Gunmen attacked an army post near {town}, Mali, killing {e + 3} soldiers, officials said. Report {i % 4}.",
                title: $"{e + 3} soldiers killed in attack near {town}", published: day.AddHours(e * 30 + i % 4));
        }).ToArray();

        Dictionary<string, string?> Stories(int threads)
        {
            using var index = ArticleIndex.CreateInMemory(new ArticleIndexOptions { IndexingThreads = threads });
            index.IndexAll(articles);
            return articles.ToDictionary(a => a.Id, a => index.Get(a.Id)!.Story);
        }

        var one = Stories(1);
        Assert.That(one.Values.Distinct().Count(), Is.InRange(2, 479), "the corpus must form stories for the test to mean anything");
        Assert.That(Stories(4), Is.EqualTo(one));
    }

    [Test]
    public void IndexAll_BadInput_StopsWithTheReadersError_AndKeepsWhatWasIndexed()
    {
        using var index = ArticleIndex.Open(_dir);
        index.Upsert(Article("committed", "Niger."));
        index.Commit();
        var file = Path.Combine(_dir, "..", Path.GetFileName(_dir) + ".jsonl");
        File.WriteAllText(file, "{\"id\":\"x1\",\"body\":\"Chad\"}\nnot json\n");
        try
        {
            Assert.That(() => index.IndexAll(ArticleReader.Read(file)), Throws.InstanceOf<ArticleFormatException>().With.Message.Contains(":2: not valid JSON"));
            Assert.That(index.Get("committed"), Is.Not.Null);
            var errors = new List<IngestionError>();
            index.IndexAll(ArticleReader.Read(file, errors.Add));
            Assert.That(errors.Single().Line, Is.EqualTo(2));
            Assert.That(index.Get("x1"), Is.Not.Null);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public void IndexAll_Cancellation_StopsPromptly()
    {
        using var index = ArticleIndex.CreateInMemory();
        using var cancel = new CancellationTokenSource();
        IEnumerable<Article> Endless()
        {
            for (var i = 0; ; i++)
            {
                if (i == 1000)
                {
                    cancel.Cancel();
                }

                yield return Article($"a{i}", "Niger.");
            }
        }

        Assert.That(() => index.IndexAll(Endless(), cancellationToken: cancel.Token), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(index.Search("*").Total, Is.InRange(0, 1000), "nothing after the cancellation point is indexed");
        index.Upsert(Article("after", "Mali."));
        Assert.That(index.Search("country:Mali").Hits.Select(h => h.Id), Is.EqualTo(new[] { "after" }), "the index stays usable");
    }

    [Test]
    public void Dates_AreStoredAndRangeQueriesExcludeUndated()
    {
        using var index = ArticleIndex.CreateInMemory();
        index.Upsert(Article("old", "Niger.", published: Day(1987, 3, 1)));
        index.Upsert(Article("new", "Niger.", published: Day(2024, 5, 3)));
        index.Upsert(Article("undated", "Niger."));
        Assert.That(index.Search(Q.Published(new DateOnly(2024, 1, 1), null)).Hits.Select(h => h.Id), Is.EqualTo(new[] { "new" }));
        Assert.That(index.Search(Q.Published(null, new DateOnly(2000, 1, 1))).Hits.Select(h => h.Id), Is.EqualTo(new[] { "old" }));
        Assert.That(index.Get("new")!.Article.Published, Is.EqualTo(Day(2024, 5, 3)));
    }

    private sealed class SynchronousProgress(Action<IndexingProgress> report) : IProgress<IndexingProgress>
    {
        public void Report(IndexingProgress value) => report(value);
    }
}
