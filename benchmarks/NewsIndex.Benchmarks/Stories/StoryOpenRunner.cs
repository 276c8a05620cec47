using System.Diagnostics;
using NewsIndex.Entities;
using NewsIndex.Stories;

namespace NewsIndex.Benchmarks.Stories;

/// <summary>
/// The <c>stories-open [N]</c> mode: indexes N synthetic articles (default 100,000) with stories into a temporary
/// directory, commits, then times opening the index with the story assigner rebuilt from the stored signatures, against
/// opening it without stories, three times each, and prints the managed heap the rebuilt assigner holds.
/// </summary>
public static class StoryOpenRunner
{
    /// <summary>Runs the mode.</summary>
    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var count = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        var path = Path.Combine(Path.GetTempPath(), "newsindex-story-open-" + Guid.NewGuid().ToString("N"));
        try
        {
            var clock = Stopwatch.StartNew();
            using (var index = ArticleIndex.Open(path, new ArticleIndexOptions { IndexingThreads = 2 }))
            {
                index.IndexAll(new SyntheticNews().Generate(count).Select(s => s.Article));
                index.Commit();
                Console.WriteLine($"indexed {count:N0} synthetic articles with stories in {clock.Elapsed.TotalSeconds:F1} s; {index.StoryKeeper!.Assigner.StoryCount:N0} stories");
            }

            for (var round = 0; round < 3; round++)
            {
                foreach (var stories in new[] { false, true })
                {
                    GC.Collect();
                    var before = GC.GetTotalMemory(forceFullCollection: true);
                    clock.Restart();
                    using var index = ArticleIndex.Open(path, new ArticleIndexOptions { Stories = stories ? StoryOptions.Default : null });
                    var elapsed = clock.Elapsed;
                    var heap = GC.GetTotalMemory(forceFullCollection: true) - before;
                    Console.WriteLine($"open {(stories ? "with stories   " : "without stories")}: {elapsed.TotalMilliseconds,8:F0} ms, managed heap held {heap / 1e6,7:F1} MB" +
                        (stories ? $" ({index.StoryKeeper!.Assigner.ArticleCount:N0} articles restored)" : string.Empty));
                }
            }

            return 0;
        }
        finally
        {
            Directory.Delete(path, recursive: true);
        }
    }
}
