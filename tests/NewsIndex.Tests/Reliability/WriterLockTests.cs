using System.Diagnostics;
using NewsIndex.Indexing;
using NewsIndex.Tests.Cli;
using static NewsIndex.Tests.ArticleBuilder;

namespace NewsIndex.Tests.Reliability;

/// <summary>One writer per index across real processes; the OS drops the lock of a killed writer.</summary>
[NonParallelizable]
public class WriterLockTests
{
    private string _dir = null!;

    [SetUp]
    public void SetUp() => _dir = TestPaths.NewTempDirectory();

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void SecondWriterInAnotherProcess_IsRefusedWithTheHoldersPid_AndTheFirstWritersCommitsSurvive()
    {
        var index = Path.Combine(_dir, "index");
        var input = Corpus.WriteJsonLines(Path.Combine(_dir, "in.jsonl"), 3);
        using (var holder = ArticleIndex.Open(index))
        {
            holder.Upsert(Article("mine", "Niger."));
            holder.Commit();

            var (code, stdout, stderr) = CliRunner.Run(_dir, "index", "--index", index, input);

            Assert.That(code, Is.EqualTo(4), stdout); // the console's "index in use" exit code
            Assert.That(stderr, Does.Contain("is in use by another writer").And.Contain($"(process {Environment.ProcessId})"));
            holder.Upsert(Article("mine-2", "Mali."));
            holder.Commit();
        }

        using var reader = ArticleIndex.Open(index, new ArticleIndexOptions { ReadOnly = true });
        Assert.That(reader.All().Select(a => a.Article.Id), Is.EquivalentTo(new[] { "mine", "mine-2" }));
        Assert.That(ArticleIndex.Verify(index).Healthy, Is.True);
    }

    [Test]
    public void SecondWriterInThisProcess_IsRefused()
    {
        using var first = ArticleIndex.Open(_dir);
        var error = Assert.Throws<IndexInUseException>(() => ArticleIndex.Open(_dir))!;
        Assert.That(error.HolderProcessId, Is.EqualTo(Environment.ProcessId));
    }

    [Test]
    public void KilledWriter_LeavesNoLock_AndEveryAcknowledgedArticle()
    {
        var index = Path.Combine(_dir, "index");
        var input = Corpus.WriteJsonLines(Path.Combine(_dir, "in.jsonl"), 60_000);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { CliRunner.CliDll, "index", "--index", index, "--commit-every", "300", "--threads", "1", input })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["NEWSINDEX_HOME"] = _dir;
        using var writer = Process.Start(start)!;
        _ = writer.StandardOutput.ReadToEndAsync();
        long acknowledged = 0;
        while (writer.StandardError.ReadLine() is { } line)
        {
            if (line.StartsWith("newsindex: committed checkpoint=", StringComparison.Ordinal))
            {
                acknowledged = long.Parse(line["newsindex: committed checkpoint=".Length..], System.Globalization.CultureInfo.InvariantCulture);
                break;
            }
        }

        Assert.That(writer.HasExited, Is.False, "the writer must still be running when it is killed");
        writer.Kill(); // SIGKILL on Linux and macOS, TerminateProcess on Windows: no cleanup runs
        writer.WaitForExit();

        Assert.That(acknowledged, Is.GreaterThan(0));
        Assert.That(ArticleIndex.Verify(index).Healthy, Is.True);
        using var reopened = ArticleIndex.Open(index); // the lock died with the process
        var ids = reopened.All().Select(a => a.Article.Id).ToHashSet();
        Assert.That(Enumerable.Range(0, (int)acknowledged).Where(i => !ids.Contains($"n{i}")), Is.Empty, "every acknowledged article is there");
        Assert.That(reopened.LastCheckpoint!.Position, Is.GreaterThanOrEqualTo(acknowledged));
    }

    [Test]
    public void OpeningAndDisposingAWriter_LeavesAValidEmptyCommit()
    {
        ArticleIndex.Open(_dir).Dispose();
        using var reader = ArticleIndex.Open(_dir, new ArticleIndexOptions { ReadOnly = true });
        Assert.That(reader.Stats().Articles, Is.Zero);
        Assert.That(reader.Stats().Schema, Is.EqualTo(ArticleIndex.SchemaVersion));
    }
}
