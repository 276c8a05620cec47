using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace NewsIndex.Ingestion;

/// <summary>
/// Opens input files without ever blocking or exhausting memory on special files: on Linux and macOS the file is
/// opened non-blocking (a FIFO without a writer would otherwise block <c>open</c> forever) and anything that cannot
/// seek (FIFOs, sockets, terminals) is refused as not a regular file; devices that can seek but never end, such as a
/// symlink to <c>/dev/zero</c>, are read with the byte bound of <see cref="ArticleReaderOptions.MaxArticleBytes"/>.
/// </summary>
internal static partial class SourceFile
{
    private const int LinuxNonBlock = 0x800;
    private const int LinuxCloseOnExec = 0x80000;
    private const int MacNonBlock = 0x4;
    private const int MacCloseOnExec = 0x1000000;

    /// <summary>Opens <paramref name="path"/> for reading, or reports why not and returns null.</summary>
    /// <param name="path">The file.</param>
    /// <param name="report">Receives the error when the file cannot be opened.</param>
    /// <param name="slackBytes">How far past its opening length the file may be read (see <see cref="LengthBoundStream"/>).</param>
    /// <param name="stats">Counts the bytes read from the file, when given.</param>
    public static Stream? Open(string path, Action<IngestionError> report, int slackBytes, IngestionStats? stats = null)
    {
        try
        {
            var stream = OpenNonBlocking(path);
            if (!stream.CanSeek)
            {
                stream.Dispose();
                report(new IngestionError(path, 0, "not a regular file (a FIFO, socket or device): skipped") { Kind = IngestionErrorKind.NotARegularFile });
                return null;
            }

            return new LengthBoundStream(stream, stream.Length + slackBytes) { Stats = stats };
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var kind = ex is FileNotFoundException or DirectoryNotFoundException ? IngestionErrorKind.NotFound : IngestionErrorKind.Unreadable;
            report(new IngestionError(path, 0, $"cannot open: {ex.Message}") { Kind = kind });
            return null;
        }
    }

    /// <summary>
    /// Reads the whole stream, or returns null as soon as it is longer than <paramref name="maxBytes"/> (so an
    /// endless device costs at most that much memory).
    /// </summary>
    public static byte[]? ReadBounded(Stream stream, int maxBytes)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, (long)maxBytes + 1 - buffer.Length))) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes)
            {
                return null;
            }
        }

        return buffer.ToArray();
    }

    /// <summary>The asynchronous twin of <see cref="ReadBounded"/>.</summary>
    public static async ValueTask<byte[]?> ReadBoundedAsync(Stream stream, int maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, (long)maxBytes + 1 - buffer.Length)), cancellationToken).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes)
            {
                return null;
            }
        }

        return buffer.ToArray();
    }

    /// <summary>The error for a file over the size limit.</summary>
    public static IngestionError TooLarge(string path, long? length, int maxBytes) => new(path, 0,
        (length is { } known ? $"file is {known:N0} bytes, over" : "file is over") + $" the {maxBytes:N0}-byte limit (ArticleReaderOptions.MaxArticleBytes)")
    {
        Kind = IngestionErrorKind.TooLarge,
    };

    private static FileStream OpenNonBlocking(string path)
    {
        int flags;
        if (OperatingSystem.IsLinux())
        {
            flags = LinuxNonBlock | LinuxCloseOnExec;
        }
        else if (OperatingSystem.IsMacOS())
        {
            flags = MacNonBlock | MacCloseOnExec;
        }
        else
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
        }

        var nulTerminated = System.Text.Encoding.UTF8.GetBytes(path + "\0");
        var fd = NativeMethods.Open(nulTerminated, flags);
        if (fd < 0)
        {
            // Let .NET open it the usual way to raise its own well-worded exception (not found, access denied …);
            // a FIFO never gets here, because the non-blocking open of a FIFO succeeds.
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
        }

        var handle = new SafeFileHandle(fd, ownsHandle: true);
        try
        {
            return new FileStream(handle, FileAccess.Read, 1);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "open", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int Open(byte[] path, int flags);
    }
}
