using System.Buffers.Binary;
using System.IO.Compression;

namespace NewsIndex.Ingestion;

/// <summary>
/// Decompresses a <c>.gz</c> file and, unlike <see cref="GZipStream"/> alone, refuses to end quietly on a truncated
/// file: data that does not start with the gzip signature, or whose decompressed length disagrees with the gzip
/// trailer (ISIZE, the length modulo 2^32), throws <see cref="InvalidDataException"/> naming the problem.
/// </summary>
/// <remarks>The trailer check covers single-member files (what gzip, pigz and .NET write); a multi-member file
/// (concatenated or bgzip) is checked against its last member only and is reported as truncated.</remarks>
internal sealed class GzipInput : Stream
{
    private readonly Stream _file;
    private GZipStream? _gzip;
    private uint? _expectedLength;
    private long _length;
    private bool _checked;

    public GzipInput(Stream file) => _file = file;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var gzip = _gzip ?? Start();
        var read = gzip.Read(buffer);
        return Check(read);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var gzip = _gzip ?? Start();
        var read = await gzip.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        return Check(read);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gzip?.Dispose();
            _file.Dispose();
        }

        base.Dispose(disposing);
    }

    private GZipStream Start()
    {
        if (!_file.CanSeek)
        {
            _gzip = new GZipStream(_file, CompressionMode.Decompress, leaveOpen: true);
            return _gzip;
        }

        Span<byte> header = stackalloc byte[2];
        var got = _file.ReadAtLeast(header, 2, throwOnEndOfStream: false);
        if (got < 2 || header[0] != 0x1F || header[1] != 0x8B)
        {
            throw new InvalidDataException("not gzip data (the file does not start with the gzip signature 1F 8B)");
        }

        if (_file.CanSeek && _file.Length >= 20)
        {
            Span<byte> trailer = stackalloc byte[4];
            _file.Seek(-4, SeekOrigin.End);
            _file.ReadExactly(trailer);
            _expectedLength = BinaryPrimitives.ReadUInt32LittleEndian(trailer);
        }

        _file.Seek(0, SeekOrigin.Begin);
        _gzip = new GZipStream(_file, CompressionMode.Decompress, leaveOpen: true);
        return _gzip;
    }

    private int Check(int read)
    {
        _length += read;
        if (read == 0 && !_checked)
        {
            _checked = true;
            if (_expectedLength is { } expected && (uint)_length != expected)
            {
                throw new InvalidDataException(
                    $"gzip data ends early: {_length:N0} bytes decompressed, the gzip trailer says {expected:N0} (the file is truncated or corrupt)");
            }
        }

        return read;
    }
}
