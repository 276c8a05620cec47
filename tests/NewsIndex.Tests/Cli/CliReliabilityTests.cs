using System.Diagnostics;
using NewsIndex.Cli;
using NewsIndex.Tests.Reliability;

namespace NewsIndex.Tests.Cli;

/// <summary>The console's reliability promises, end to end with the real executable.</summary>
[NonParallelizable]
public class CliReliabilityTests
{
    private string _home = null!;

    [SetUp]
    public void SetUp() => _home = TestPaths.NewTempDirectory();

    [TearDown]
    public void TearDown() => Directory.Delete(_home, recursive: true);

    [Test]
    public void Index_WithoutIndexOption_WritesTheUserIndex_NeverTheSeedsIndex()
    {
        Assert.That(CliRunner.Run(_home, "search", "force:Wagner").ExitCode, Is.Zero); // builds the seeds index
        var input = Corpus.WriteJsonLines(Path.Combine(_home, "mine.jsonl"), 3);

        var (code, stdout, stderr) = CliRunner.Run(_home, "index", input);

        Assert.That(code, Is.Zero, stderr);
        Assert.That(stdout, Does.Contain(Path.Combine(_home, "index")).And.Contain("now holds 3 articles"));
        Assert.That(CliRunner.Run(_home, "stats").Stdout, Does.Contain("articles  3 "), "read commands use the user index once it exists");
        using var seeds = DefaultIndex.OpenSeeds();
        Assert.That(seeds.Stats().Articles, Is.EqualTo(5), "the seeds index still holds only the seeds");
    }

    [Test]
    public void SearchAndShow_EscapeControlCharactersFromArticles()
    {
        var input = Corpus.WriteJsonLines(Path.Combine(_home, "evil.jsonl"), 2, i => i == 0 ? "Niger \u001b]0;pwned\u0007 title" : "Mali \u001b[2J cleared \u009b31m");
        var index = Path.Combine(_home, "evil-index");
        Assert.That(CliRunner.Run(_home, "index", "--index", index, input).ExitCode, Is.Zero);

        var search = CliRunner.Run(_home, "search", "--index", index, "report");
        var show = CliRunner.Run(_home, "show", "--index", index, "n1");
        var error = CliRunner.Run(_home, "search", "--index", index, "country:\u001b[2JAtlantis");

        foreach (var output in new[] { search.Stdout, show.Stdout, error.Stderr })
        {
            Assert.That(output.IndexOfAny(['\u001b', '\u0007', '\u009b']), Is.EqualTo(-1), output);
        }

        Assert.That(search.Stdout, Does.Contain(@"Niger \x1b]0;pwned\x07 title"));
        Assert.That(show.Stdout, Does.Contain(@"Mali \x1b[2J cleared \u009b31m"));
    }

    [Test]
    public void Verify_ExitsZeroWhenHealthy_TwoWhenDamaged_AndIndexRefusesUnlessRepair()
    {
        var index = Path.Combine(_home, "idx");
        var input = Corpus.WriteJsonLines(Path.Combine(_home, "in.jsonl"), 40);
        Assert.That(CliRunner.Run(_home, "index", "--index", index, input).ExitCode, Is.Zero);
        var more = Corpus.WriteJsonLines(Path.Combine(_home, "more.jsonl"), 1);
        Assert.That(CliRunner.Run(_home, "index", "--index", index, more).ExitCode, Is.Zero);
        var healthy = CliRunner.Run(_home, "verify", "--index", index);
        Assert.That(healthy.ExitCode, Is.Zero, healthy.Stdout);
        Assert.That(healthy.Stdout, Does.StartWith("healthy: "));

        var segment = Directory.GetFiles(index, "*.cfs").OrderBy(f => f, StringComparer.Ordinal).First();
        var bytes = File.ReadAllBytes(segment);
        bytes[bytes.Length / 2] ^= 0x5A;
        File.WriteAllBytes(segment, bytes);

        var damaged = CliRunner.Run(_home, "verify", "--index", index);
        Assert.That(damaged.ExitCode, Is.EqualTo(2));
        Assert.That(damaged.Stdout, Does.StartWith("DAMAGED: ").And.Contain("is damaged"));

        var refused = CliRunner.Run(_home, "index", "--index", index, more);
        Assert.That(refused.ExitCode, Is.EqualTo(2), "a command that meets damage exits with verify's damaged-index code");
        Assert.That(refused.Stderr, Does.Contain("is damaged").And.Contain("--repair"));

        var repaired = CliRunner.Run(_home, "index", "--index", index, "--repair", more);
        Assert.That(repaired.ExitCode, Is.Zero, repaired.Stderr);
        Assert.That(repaired.Stderr, Does.Contain("dropped 1 damaged segment(s)"));
        Assert.That(CliRunner.Run(_home, "verify", "--index", index).ExitCode, Is.Zero);
    }

    [Test]
    public void Sigterm_CommitsWhatWasAdded_SaysWhatWasKept_AndResumeFinishesTheInput()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("SIGTERM is POSIX");
        }

        var index = Path.Combine(_home, "idx");
        // Large enough that the run is still going when the signal lands (12,000 articles once took 1.3 s in all).
        var input = Corpus.WriteJsonLines(Path.Combine(_home, "in.jsonl"), 60_000);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { CliRunner.CliDll, "index", "--index", index, "--commit-every", "200", "--threads", "1", input })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["NEWSINDEX_HOME"] = _home;
        using var writer = Process.Start(start)!;
        var stdout = writer.StandardOutput.ReadToEndAsync();
        var firstCommit = writer.StandardError.ReadLine();
        Assert.That(firstCommit, Does.StartWith("newsindex: committed checkpoint="));
        Assume.That(writer.HasExited, Is.False, "the run finished before it could be stopped");
        using (var kill = Process.Start("kill", ["-TERM", writer.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        var rest = writer.StandardError.ReadToEnd();
        Assert.That(writer.WaitForExit(TimeSpan.FromSeconds(60)), Is.True);
        Assert.That(writer.ExitCode, Is.EqualTo(130), rest + stdout.Result);
        Assert.That(rest, Does.Contain("newsindex: stopped by SIGTERM; kept ").And.Contain("--resume"));

        var resumed = CliRunner.Run(_home, "index", "--index", index, "--resume", input);
        Assert.That(resumed.ExitCode, Is.Zero, resumed.Stderr);
        Assert.That(resumed.Stderr, Does.Contain("resuming after input article"));
        Assert.That(resumed.Stdout, Does.Contain("skipped (already committed)").And.Contain("now holds 60,000 articles"));
    }

    [Test]
    public void SeedsIndex_RebuiltWhileSearched_EverySearchSucceeds()
    {
        var previous = Environment.GetEnvironmentVariable("NEWSINDEX_HOME");
        Environment.SetEnvironmentVariable("NEWSINDEX_HOME", _home);
        try
        {
            DefaultIndex.Build();
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(4));
            var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();
            var searches = 0;
            var searchers = Enumerable.Range(0, 3).Select(_ => Task.Run(() =>
            {
                while (!stop.IsCancellationRequested)
                {
                    try
                    {
                        using var seeds = DefaultIndex.OpenSeeds();
                        if (seeds.Search("force:Wagner").Total != 2)
                        {
                            failures.Enqueue("wrong count");
                        }

                        Interlocked.Increment(ref searches);
                    }
                    catch (Exception ex) when (ex is NewsIndexException or IOException)
                    {
                        failures.Enqueue(ex.Message);
                    }
                }
            })).ToArray();
            var rebuilds = 0;
            while (!stop.IsCancellationRequested)
            {
                DefaultIndex.Build();
                rebuilds++;
            }

            Task.WaitAll(searchers);
            TestContext.Out.WriteLine($"{searches} searches during {rebuilds} rebuilds");
            Assert.That(failures, Is.Empty);
            Assert.That(rebuilds, Is.GreaterThan(1));
            Assert.That(searches, Is.GreaterThan(3));
        }
        finally
        {
            Environment.SetEnvironmentVariable("NEWSINDEX_HOME", previous);
        }
    }
}
