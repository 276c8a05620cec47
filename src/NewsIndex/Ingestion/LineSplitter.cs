using System.Buffers;

namespace NewsIndex.Ingestion;

/// <summary>
/// Cuts a byte stream into lines for the JSON Lines reader, independent of how the bytes arrive (the synchronous and
/// the asynchronous reader drive the same instance): fill <see cref="GetFreeSpace"/>, call <see cref="Advance"/>,
/// then take lines with <see cref="TryReadLine"/>. A line longer than the limit is reported once and skipped without
/// being buffered.
/// </summary>
internal sealed class LineSplitter : IDisposable
{
    private readonly int _maxLineBytes;
    private readonly Action<int> _reportOversized;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
    private int _start;
    private int _filled;
    private int _lineNumber;
    private bool _eof;
    private bool _skipping;

    /// <param name="maxLineBytes">Longest line kept.</param>
    /// <param name="reportOversized">Called with the 1-based number of each line over the limit.</param>
    public LineSplitter(int maxLineBytes, Action<int> reportOversized)
    {
        _maxLineBytes = maxLineBytes;
        _reportOversized = reportOversized;
    }

    /// <summary>True once the stream has ended and every line has been taken.</summary>
    public bool Completed => _eof && _start >= _filled;

    /// <summary>Takes the next complete line (without its <c>\n</c>), or the unterminated last line at the end.</summary>
    public bool TryReadLine(out ReadOnlyMemory<byte> line, out int lineNumber)
    {
        while (_start < _filled)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _filled - _start);
            if (newline < 0 && !_eof)
            {
                break;
            }

            var end = newline < 0 ? _filled : newline;
            _lineNumber++;
            var from = _start;
            _start = newline < 0 ? _filled : newline + 1;
            if (_skipping)
            {
                _skipping = false;
                continue;
            }

            line = _buffer.AsMemory(from, end - from);
            lineNumber = _lineNumber;
            return true;
        }

        line = default;
        lineNumber = 0;
        return false;
    }

    /// <summary>Room for the next read: compacts the buffer, grows it up to the limit, or starts skipping a long line.</summary>
    public Memory<byte> GetFreeSpace()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _filled - _start);
            _filled -= _start;
            _start = 0;
        }

        if (_filled == _buffer.Length)
        {
            if (_buffer.Length >= _maxLineBytes)
            {
                if (!_skipping)
                {
                    _reportOversized(_lineNumber + 1);
                }

                _skipping = true;
                _filled = 0;
            }
            else
            {
                var larger = ArrayPool<byte>.Shared.Rent(Math.Min(_buffer.Length * 2, _maxLineBytes));
                Buffer.BlockCopy(_buffer, 0, larger, 0, _filled);
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = larger;
            }
        }

        return _buffer.AsMemory(_filled);
    }

    /// <summary>Records <paramref name="read"/> bytes written into <see cref="GetFreeSpace"/>; 0 means the stream ended.</summary>
    public void Advance(int read)
    {
        if (read == 0)
        {
            _eof = true;
        }

        _filled += read;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }
}
