using NewsIndex.Indexing;
using static NewsIndex.Tests.ArticleBuilder;

namespace NewsIndex.Tests.Reliability;

/// <summary>A few seconds of writers, bulk runs, searchers, commits and refreshes on one index at once.</summary>
public class SoakTests
{
    /// <summary>A dedicated thread: blocking loops on the pool would starve it on a 2-core machine.</summary>
    private static Task Loop(Action action) => Task.Factory.StartNew(action, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    [Test]
    public void WritersSearchersCommitsAndRefresh_RunTogether_WithoutErrors_AndEndInTheModelState()
    {
        var dir = TestPaths.NewTempDirectory();
        try
        {
            var seed = Environment.TickCount;
            TestContext.Out.WriteLine($"seed {seed}");
            var model = new System.Collections.Concurrent.ConcurrentDictionary<string, bool>();
            var errors = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
            long searches = 0, commits = 0;
            using (var index = ArticleIndex.Open(dir, new ArticleIndexOptions { IndexingThreads = 2, MaxBufferedDocs = 50 }))
            {
                // At least 3 s, and on until every kind of work has happened a few times (a loaded machine is slow), at most 30 s.
                using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                var clock = System.Diagnostics.Stopwatch.StartNew();
                void Guard(Action action)
                {
                    try
                    {
                        action();
                    }
                    catch (Exception ex)
                    {
                        errors.Enqueue(ex);
                    }
                }

                var tasks = new List<Task>();
                for (var w = 0; w < 2; w++)
                {
                    var writer = w;
                    tasks.Add(Loop(() => Guard(() =>
                    {
                        var random = new Random(seed + writer);
                        while (!stop.IsCancellationRequested)
                        {
                            // Each writer owns its ids, so the model of the final state is exact.
                            var id = $"w{writer}-{random.Next(300)}";
                            if (random.Next(4) == 0)
                            {
                                index.Delete(id);
                                model[id] = false;
                            }
                            else
                            {
                                index.Upsert(Article(id, "Wagner near Air Base 101 in Niamey, Niger."));
                                model[id] = true;
                            }
                        }
                    })));
                }

                tasks.Add(Loop(() => Guard(() =>
                {
                    for (var run = 0; !stop.IsCancellationRequested; run++)
                    {
                        var batch = Enumerable.Range(0, 200).Select(i => Article($"bulk-{run}-{i}", "Chad and Sudan border report.")).ToArray();
                        index.IndexAll(batch, new IndexingOptions { CommitEvery = 50, Source = $"bulk-{run}" });
                        foreach (var article in batch)
                        {
                            model[article.Id] = true;
                        }
                    }
                })));
                for (var s = 0; s < 2; s++)
                {
                    tasks.Add(Loop(() => Guard(() =>
                    {
                        while (!stop.IsCancellationRequested)
                        {
                            _ = index.Search("country:Niger OR force:Wagner", new Results.SearchOptions { Size = 5 });
                            _ = index.Get("w0-1");
                            Interlocked.Increment(ref searches);
                        }
                    })));
                }

                tasks.Add(Loop(() => Guard(() =>
                {
                    while (!stop.IsCancellationRequested)
                    {
                        index.Commit();
                        Interlocked.Increment(ref commits);
                        Thread.Sleep(50);
                    }
                })));
                tasks.Add(Loop(() => Guard(() =>
                {
                    using var reader = ArticleIndex.Open(dir, new ArticleIndexOptions { ReadOnly = true });
                    while (!stop.IsCancellationRequested)
                    {
                        _ = reader.Search("niger");
                        _ = reader.Stats();
                    }
                })));

                while (!stop.IsCancellationRequested && (clock.Elapsed < TimeSpan.FromSeconds(3) || Interlocked.Read(ref searches) <= 10 || Interlocked.Read(ref commits) < 3))
                {
                    Thread.Sleep(20);
                }

                stop.Cancel();
                Assert.That(Task.WaitAll([.. tasks], TimeSpan.FromSeconds(60)), Is.True, "nothing hangs");
                Assert.That(errors, Is.Empty, string.Join("\n", errors));
                index.Commit();
                Assert.That(index.RunningWorkers, Is.Zero);
            }

            TestContext.Out.WriteLine($"{searches} searches, {commits} commits");
            Assert.That(ArticleIndex.Verify(dir).Healthy, Is.True);
            using var reopened = ArticleIndex.Open(dir, new ArticleIndexOptions { ReadOnly = true });
            var ids = reopened.All().Select(a => a.Article.Id).ToHashSet();
            Assert.That(ids, Is.EquivalentTo(model.Where(p => p.Value).Select(p => p.Key)));
            Assert.That(searches, Is.GreaterThan(10));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
