using System.Text;
using Lucene.Net.Index;

namespace NewsIndex.Indexing;

/// <summary>Turns the errors Lucene raises on damaged or unwritable indexes into typed NewsIndex errors that say what
/// and where, so no caller meets an opaque <c>'newLimit' cannot be greater than Capacity</c>.</summary>
internal static class IndexErrors
{
    /// <summary>True when <paramref name="error"/> means the index's bytes are not what Lucene wrote.</summary>
    public static bool IsCorruption(Exception error) => error switch
    {
        CorruptIndexException or IndexFormatTooOldException or IndexFormatTooNewException or EndOfStreamException => true,
        // Strict UTF-8 decoding of stored text that is no longer valid UTF-8.
        DecoderFallbackException => true,
        IOException io when io.Message.Contains("checksum", StringComparison.OrdinalIgnoreCase) => true,
        // Garbage lengths and offsets read from a damaged file blow up inside Lucene's decoders.
        ArgumentException or IndexOutOfRangeException or InvalidCastException or OverflowException or NullReferenceException or InvalidOperationException
            when ThrownByLucene(error) => true,
        _ => false,
    };

    /// <summary>Rethrows a corruption as <see cref="IndexCorruptException"/>; anything else is left to the caller.</summary>
    public static Exception? Translate(Exception error, string location, string operation) =>
        error is NewsIndexException or OperationCanceledException ? null
        // Lucene.Net reports a writer closed by an earlier tragic failure (e.g. a full disk) as ObjectDisposedException.
        : error is ObjectDisposedException ? (ThrownByLucene(error) ? new IndexWriteException(location, $"{operation} (the writer was closed by an earlier failure; open the index again)", error) : null)
        : IsCorruption(error) ? new IndexCorruptException(location, operation, error)
        : null;

    /// <summary>Runs a read and translates corruption.</summary>
    public static T Read<T>(string location, string operation, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception ex) when (Translate(ex, location, operation) is { } translated)
        {
            throw translated;
        }
    }

    /// <summary>Runs a write: corruption and I/O failures become <see cref="IndexCorruptException"/> or
    /// <see cref="IndexWriteException"/>.</summary>
    public static T Write<T>(string location, string operation, Func<T> write)
    {
        try
        {
            return write();
        }
        catch (Exception ex) when (Translate(ex, location, operation) is { } translated)
        {
            throw translated;
        }
        catch (IOException ex)
        {
            throw new IndexWriteException(location, operation, ex);
        }
    }

    /// <summary>True when the innermost frame outside the base library belongs to Lucene.Net (or J2N, its runtime).</summary>
    private static bool ThrownByLucene(Exception error)
    {
        foreach (var frame in new System.Diagnostics.StackTrace(error, fNeedFileInfo: false).GetFrames())
        {
            var ns = frame.GetMethod()?.DeclaringType?.Namespace ?? string.Empty;
            if (ns.StartsWith("System", StringComparison.Ordinal) || ns.StartsWith("Microsoft", StringComparison.Ordinal))
            {
                continue;
            }

            return ns.StartsWith("Lucene.Net", StringComparison.Ordinal) || ns.StartsWith("J2N", StringComparison.Ordinal);
        }

        return false;
    }
}
