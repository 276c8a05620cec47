using NewsIndex.Indexing;
using NewsIndex.Ingestion;
using static NewsIndex.Tests.ArticleBuilder;

namespace NewsIndex.Tests.Reliability;

/// <summary>
/// Sweeps injected disk faults (the k-th file creation, the write crossing byte B, the k-th fsync, once or from then
/// on, and a byte quota for a full disk) over a scenario that indexes with periodic commits, flushes many small
/// segments, merges, upserts, deletes and commits. For every fault: each public call returns or throws its documented
/// exception (nothing else, no hang), no writer or merge thread outlives the index, no lock leaks (a new writer opens
/// at once), the index passes CheckIndex, and it holds exactly a committed state: everything acknowledged, nothing
/// that was never added. A power loss at the end (unsynced files dropped) leaves a committed state too.
/// </summary>
[Parallelizable(ParallelScope.Self)]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public class FaultSweepTests
{
    private static readonly Article[] Base = Enumerable.Range(0, 8).Select(i => Article($"a{i}", $"Niger base report {i}. Troops in Niamey.")).ToArray();
    private static readonly Article[] Batch = Enumerable.Range(0, 36).Select(i => Article($"b{i}", $"Wagner fighters near Bamako, Mali, day {i}. Air Base 101.")).ToArray();

    private ArticleIndexOptions Options { get; set; } = new();

    [TestCase(1)]
    [TestCase(2)]
    public void EveryInjectedFault_LeavesACommittedState_NoHang_NoLeak(int threads)
    {
        Options = new ArticleIndexOptions { IndexingThreads = threads, MaxBufferedDocs = 4, RamBufferMB = 16 };
        var dry = Run(new Fault(FaultKind.None, 0, false));
        Assert.That(dry.Error, Is.Null, "the scenario works without faults");
        var faults = new List<Fault>();
        foreach (var persistent in new[] { false, true })
        {
            faults.AddRange(Sample(dry.Creates, 14).Select(k => new Fault(FaultKind.Create, k, persistent)));
            faults.AddRange(Sample(dry.Syncs, 10).Select(k => new Fault(FaultKind.Sync, k, persistent)));
            faults.AddRange(Sample(dry.Bytes, 12).Select(b => new Fault(FaultKind.Write, b, persistent)));
        }

        faults.AddRange(Sample(dry.Bytes, 14).Select(b => new Fault(FaultKind.Quota, b, true)));
        var tripped = 0;
        var failures = new List<string>();
        var thrown = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var fault in faults)
        {
            var outcome = Run(fault);
            tripped += outcome.Tripped ? 1 : 0;
            var name = outcome.Error?.GetType().Name ?? "(no error)";
            thrown[name] = thrown.GetValueOrDefault(name) + 1;
            if (outcome.Problem is not null)
            {
                failures.Add($"{fault}: {outcome.Problem}");
            }
        }

        TestContext.Out.WriteLine($"{faults.Count} faults swept ({tripped} fired; dry run: {dry.Creates} creates, {dry.Syncs} syncs, {dry.Bytes} bytes); outcomes: {string.Join(", ", thrown.Select(p => $"{p.Key} {p.Value}"))}");
        Assert.That(failures, Is.Empty);
        Assert.That(tripped, Is.GreaterThan(faults.Count / 2), "most faults must actually fire, or the sweep proves nothing");
    }

    private static IEnumerable<long> Sample(long total, int count) =>
        Enumerable.Range(1, count).Select(i => Math.Max(1, total * i / (count + 1))).Distinct();

    private sealed record Outcome(long Creates, long Syncs, long Bytes, bool Tripped, Exception? Error, string? Problem);

    private Outcome Run(Fault fault)
    {
        var directory = new FaultyDirectory();
        using (var setup = ArticleIndex.OpenDirectory(directory, "(faulty)", Options))
        {
            setup.IndexAll(Base);
            setup.Commit();
        }

        var all = Base.Concat(Batch).Select(a => a.Id).Append("x").ToHashSet();
        var acknowledged = Base.Select(a => a.Id).ToHashSet();
        // A commit that throws may still have become durable (the failure came after its segments file was synced):
        // then the index holds the new state, which is allowed, so its changes are "uncertain" rather than lost.
        var uncertain = new HashSet<string>();
        directory.Arm(fault);
        Exception? error = null;
        ArticleIndex? index = null;
        var finished = false;
        var work = Task.Run(() =>
        {
            index = ArticleIndex.OpenDirectory(directory, "(faulty)", Options);
            index.IndexAll(Batch, new IndexingOptions { CommitEvery = 10, Source = "batch" });
            acknowledged.UnionWith(Batch.Select(a => a.Id));
            uncertain.UnionWith(["x", "a3"]);
            index.Upsert(Article("x", "Chad and Sudan."));
            index.Delete("a3");
            index.Commit();
            uncertain.Clear();
            acknowledged.Add("x");
            acknowledged.Remove("a3");
            index.WaitForMerges();
            index.Commit();
            finished = true;
        });
        try
        {
            if (!work.Wait(TimeSpan.FromSeconds(30)))
            {
                return new Outcome(0, 0, 0, true, null, "hung for 30 s");
            }
        }
        catch (AggregateException ex)
        {
            error = ex.InnerException;
        }

        var problem = error is null or IndexingFailedException or IndexWriteException or IndexMergeException
            ? null
            : $"undocumented {error.GetType().Name}: {error.Message}";
        if (index is not null)
        {
            var dispose = Task.Run(index.Dispose);
            if (!dispose.Wait(TimeSpan.FromSeconds(30)))
            {
                return new Outcome(0, 0, 0, true, error, "Dispose hung");
            }

            if (dispose.IsFaulted)
            {
                problem ??= $"Dispose threw {dispose.Exception!.InnerException!.Message}";
            }

            if (index.RunningWorkers != 0 || index.RunningMerges != 0)
            {
                problem ??= $"{index.RunningWorkers} writer and {index.RunningMerges} merge threads outlived the index";
            }
        }

        var counts = (directory.Creates, directory.Syncs, directory.BytesWritten, directory.Tripped);
        directory.Disarm();
        problem ??= CheckCommitted(directory.CrashCopy(), "after a power loss", acknowledged.Except(uncertain).ToHashSet(), all, finished);
        problem ??= CheckCommitted(directory, "reopened", acknowledged.Except(uncertain).ToHashSet(), all, finished);
        return new Outcome(counts.Creates, counts.Syncs, counts.BytesWritten, counts.Tripped, error, problem);
    }

    private string? CheckCommitted(Lucene.Net.Store.Directory directory, string when, HashSet<string> acknowledged, HashSet<string> all, bool finished)
    {
        var verification = ArticleIndex.Verify(directory, "(faulty)", Options);
        if (!verification.Healthy)
        {
            return $"{when}: not healthy: {string.Join("; ", verification.Problems)}";
        }

        try
        {
            using var reopened = ArticleIndex.OpenDirectory(directory, "(faulty)", Options);
            var ids = reopened.All().Select(a => a.Article.Id).ToHashSet();
            if (!ids.IsSubsetOf(all))
            {
                return $"{when}: holds articles never added: {string.Join(",", ids.Except(all))}";
            }

            var missing = acknowledged.Except(ids).ToArray();
            if (missing.Length > 0)
            {
                return $"{when}: lost acknowledged articles {string.Join(",", missing)}";
            }

            if (reopened.LastCheckpoint is { Source: "batch" } checkpoint)
            {
                var lost = Batch.Take((int)checkpoint.Position).Select(a => a.Id).Where(id => !ids.Contains(id)).ToArray();
                if (lost.Length > 0)
                {
                    return $"{when}: checkpoint {checkpoint.Position} promised {string.Join(",", lost)}";
                }
            }

            if (finished && !ids.SetEquals(acknowledged))
            {
                return $"{when}: after a clean run expected exactly the final state";
            }

            // The writer lock was released and the index takes writes again.
            reopened.Upsert(Article("after", "Niger."));
            reopened.Commit();
            return null;
        }
        catch (Exception ex) when (ex is NewsIndexException or IOException)
        {
            return $"{when}: cannot be reopened for writing: {ex.GetType().Name}: {ex.Message}";
        }
    }
}
