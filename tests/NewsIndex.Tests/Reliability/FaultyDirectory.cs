using Lucene.Net.Store;

namespace NewsIndex.Tests.Reliability;

/// <summary>What a <see cref="FaultyDirectory"/> breaks.</summary>
internal enum FaultKind
{
    /// <summary>Nothing.</summary>
    None,

    /// <summary>The <c>At</c>-th file creation fails.</summary>
    Create,

    /// <summary>The write that crosses byte <c>At</c> (counted over every file) fails.</summary>
    Write,

    /// <summary>The <c>At</c>-th sync (fsync) fails.</summary>
    Sync,

    /// <summary>A full disk: every write past <c>At</c> bytes fails until the fault is cleared.</summary>
    Quota,
}

/// <summary>A fault to inject: which operation, at which count, once or from then on.</summary>
internal sealed record Fault(FaultKind Kind, long At, bool Persistent)
{
    public override string ToString() => Kind == FaultKind.None ? "none" : $"{Kind}@{At}{(Persistent ? " persistent" : " once")}";
}

/// <summary>
/// An in-memory Lucene directory that fails on demand like a real disk: the k-th file creation, the write crossing
/// byte B, the k-th fsync (once or persistently), or a byte quota (disk full). It also knows which files were synced,
/// so <see cref="CrashCopy"/> can show what would survive a power loss. Lucene.Net 4.8's Directory has no rename, so
/// there is no rename fault. Disposing it keeps the files, so a test can open the index again after a failure.
/// </summary>
internal sealed class FaultyDirectory : RAMDirectory
{
    private readonly object _gate = new();
    private readonly HashSet<string> _unsynced = new(StringComparer.Ordinal);
    private Fault _fault = new(FaultKind.None, 0, false);
    private bool _tripped;
    private long _creates;
    private long _syncs;
    private long _bytes;

    public long Creates => Interlocked.Read(ref _creates);

    public long Syncs => Interlocked.Read(ref _syncs);

    public long BytesWritten => Interlocked.Read(ref _bytes);

    /// <summary>True once the armed fault has fired.</summary>
    public bool Tripped
    {
        get
        {
            lock (_gate)
            {
                return _tripped;
            }
        }
    }

    /// <summary>Arms a fault; counters restart from zero.</summary>
    public void Arm(Fault fault)
    {
        lock (_gate)
        {
            _fault = fault;
            _tripped = false;
            _creates = _syncs = _bytes = 0;
        }
    }

    /// <summary>Clears the fault (the disk works again).</summary>
    public void Disarm() => Arm(new Fault(FaultKind.None, 0, false));

    public override IndexOutput CreateOutput(string name, IOContext context)
    {
        var n = Interlocked.Increment(ref _creates);
        Check(FaultKind.Create, n, $"simulated failure creating {name}");
        lock (_gate)
        {
            _unsynced.Add(name);
        }

        return new FaultyOutput(this, name, base.CreateOutput(name, context));
    }

    public override void Sync(ICollection<string> names)
    {
        var n = Interlocked.Increment(ref _syncs);
        Check(FaultKind.Sync, n, $"simulated fsync failure ({string.Join(", ", names)})");
        base.Sync(names);
        lock (_gate)
        {
            _unsynced.ExceptWith(names);
        }
    }

    public override void DeleteFile(string name)
    {
        base.DeleteFile(name);
        lock (_gate)
        {
            _unsynced.Remove(name);
        }
    }

    /// <summary>What a power loss now would leave: only the files that were synced since they were written.</summary>
    public RAMDirectory CrashCopy()
    {
        var copy = new RAMDirectory();
        foreach (var name in ListAll())
        {
            lock (_gate)
            {
                if (_unsynced.Contains(name))
                {
                    continue;
                }
            }

            try
            {
                Copy(copy, name, name, IOContext.DEFAULT);
            }
            catch (FileNotFoundException)
            {
                // deleted meanwhile
            }
        }

        return copy;
    }

    /// <summary>Keeps the files: the test reopens the index after the code under test disposed it (RAMDirectory's own
    /// Dispose would clear them; memory is reclaimed by the GC).</summary>
#pragma warning disable CA2215 // deliberately not calling base: it deletes every file
    protected override void Dispose(bool disposing)
    {
    }
#pragma warning restore CA2215

    private void Check(FaultKind kind, long count, string message)
    {
        lock (_gate)
        {
            if (_fault.Kind != kind)
            {
                return;
            }

            if (count == _fault.At || (_fault.Persistent && _tripped))
            {
                _tripped = true;
                throw new IOException(message);
            }
        }
    }

    private void BeforeWrite(string name, int length)
    {
        var end = Interlocked.Add(ref _bytes, length);
        var start = end - length;
        lock (_gate)
        {
            switch (_fault.Kind)
            {
                case FaultKind.Quota when end > _fault.At:
                    _tripped = true;
                    throw new IOException($"simulated disk full writing {name} (quota {_fault.At} bytes)");
                case FaultKind.Write when (start < _fault.At && end >= _fault.At) || (_fault.Persistent && _tripped):
                    _tripped = true;
                    throw new IOException($"simulated write failure in {name} at byte {_fault.At}");
            }
        }
    }

    private sealed class FaultyOutput(FaultyDirectory owner, string name, IndexOutput inner) : IndexOutput
    {
        public override long Position => inner.Position;

        public override long Checksum => inner.Checksum;

        public override long Length => inner.Length;

        public override void WriteByte(byte b)
        {
            owner.BeforeWrite(name, 1);
            inner.WriteByte(b);
        }

        public override void WriteBytes(byte[] b, int offset, int length)
        {
            owner.BeforeWrite(name, length);
            inner.WriteBytes(b, offset, length);
        }

        public override void Flush() => inner.Flush();

        [Obsolete("Lucene.Net marks Seek obsolete; delegated for completeness.")]
        public override void Seek(long pos) => inner.Seek(pos);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }
        }
    }
}
