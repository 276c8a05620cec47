using Lucene.Net.Store;

namespace NewsIndex.Tests.Indexing;

/// <summary>An in-memory directory whose merges fail on demand, like a disk filling up during a background merge.</summary>
internal sealed class FailingDirectory : RAMDirectory
{
    public volatile bool FailMerges;

    public int MergeFailures;

    public override IndexOutput CreateOutput(string name, IOContext context)
    {
        if (FailMerges && context.Context == IOContext.UsageContext.MERGE)
        {
            Interlocked.Increment(ref MergeFailures);
            throw new IOException($"simulated disk full while merging ({name})");
        }

        return base.CreateOutput(name, context);
    }
}
