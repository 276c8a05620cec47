namespace NewsIndex.Indexing;

/// <summary>
/// The length of the longest prefix of a run's articles (numbered in reading order) that writer threads have finished
/// adding. Writer threads finish out of order; a commit started after reading the watermark holds at least that prefix,
/// which is what a checkpoint may promise.
/// </summary>
internal sealed class CompletionWatermark
{
    private readonly HashSet<long> _ahead = [];
    private readonly object _gate = new();
    private long _value;

    /// <summary>Every article numbered below this is added.</summary>
    public long Value => Volatile.Read(ref _value);

    /// <summary>Marks article <paramref name="sequence"/> as added.</summary>
    public void Done(long sequence)
    {
        lock (_gate)
        {
            if (sequence != _value)
            {
                _ahead.Add(sequence);
                return;
            }

            var next = sequence + 1;
            while (_ahead.Remove(next))
            {
                next++;
            }

            Volatile.Write(ref _value, next);
        }
    }
}
