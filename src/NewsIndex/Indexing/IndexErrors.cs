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
        IOException io when DamageWords.Any(w => io.Message.Contains(w, StringComparison.OrdinalIgnoreCase)) => true,
        // Garbage lengths and offsets read from a damaged file blow up inside Lucene's decoders.
        ArgumentException or IndexOutOfRangeException or InvalidCastException or OverflowException or NullReferenceException or InvalidOperationException
            when ThrownByLucene(error) => true,
        _ => error.InnerException is { } inner && IsCorruption(inner),
    };

    // Lucene.Net raises plain IOExceptions for these: "Invalid VInt…" from decoding garbage variable-length integers,
    // "Version: N is not supported. Maximum Version number is M." from a garbage version in a file header.
    private static readonly string[] DamageWords = ["checksum", "codec header mismatch", "codec footer mismatch", "corrupt", "misplaced codec footer", "read past EOF", "codec mismatch", "Invalid VInt", "Maximum Version number is"];

    /// <summary>The typed error for a failure of a read (<paramref name="reading"/>) or a write; null when it is not an
    /// index problem (bad input, a bug) and should surface as it is.</summary>
    public static Exception? Translate(Exception error, string location, string operation, bool reading = true) =>
        error is NewsIndexException or OperationCanceledException ? null
        // Lucene.Net reports a writer closed by an earlier tragic failure (e.g. a full disk) as ObjectDisposedException.
        : error is ObjectDisposedException ? (ThrownByLucene(error) ? new IndexWriteException(location, $"{operation} (the writer was closed by an earlier failure; open the index again)", error) : null)
        // While writing, Lucene's ArgumentExceptions are about the document (e.g. a term over 32,766 bytes), not damage.
        : reading ? (IsCorruption(error) ? new IndexCorruptException(location, operation, error) : null)
        : error is CorruptIndexException or EndOfStreamException ? new IndexCorruptException(location, operation, error)
        : error is IOException ? new IndexWriteException(location, operation, error)
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
        catch (Exception ex) when (Translate(ex, location, operation, reading: false) is { } translated)
        {
            throw translated;
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
