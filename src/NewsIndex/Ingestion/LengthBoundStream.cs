namespace NewsIndex.Ingestion;

/// <summary>
/// A read-only view of an opened file that refuses to read far past the length the file had when it was opened: a
/// device such as <c>/dev/zero</c> reports length 0 yet never ends, and would otherwise keep a line-by-line reader
/// busy forever. The slack (<see cref="ArticleReaderOptions.MaxArticleBytes"/>) lets a file grow a little while read.
/// </summary>
internal sealed class LengthBoundStream(Stream inner, long limit) : Stream
{
    private long _read;
    private long _counted;

    /// <summary>Counts the bytes read from the file (<see cref="IngestionStats.BytesRead"/>), when set.</summary>
    public IngestionStats? Stats { get; init; }

    public override bool CanRead => true;

    public override bool CanSeek => inner.CanSeek;

    public override bool CanWrite => false;

    public override long Length => inner.Length;

    public override long Position
    {
        get => inner.Position;
        set => Seek(value, SeekOrigin.Begin);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override long Seek(long offset, SeekOrigin origin)
    {
        var position = inner.Seek(offset, origin);
        _read = position;
        return position;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Count(int read)
    {
        _read += read;
        if (_read > _counted)
        {
            // Bytes read again after a seek back (format sniffing) count once.
            Stats?.AddBytes(_read - _counted);
            _counted = _read;
        }
        if (_read > limit)
        {
            throw new EndlessFileException($"read {limit:N0} bytes past the {inner.Length:N0} bytes the file stated: a device or a file that keeps growing, not a regular file");
        }

        return read;
    }
}

/// <summary>Thrown by <see cref="LengthBoundStream"/> when a file reads past its bound.</summary>
internal sealed class EndlessFileException(string message) : IOException(message);
