using System.Globalization;

namespace NewsIndex.Indexing;

/// <summary>
/// The one-writer-per-index guard across processes: <c>newsindex.lock</c> in the index directory, opened with
/// <see cref="FileShare.None"/> for the writer's whole lifetime. .NET turns that into an exclusive OS lock
/// (<c>flock(LOCK_EX)</c> on Linux and macOS, a share-mode lock on Windows), which the OS drops when the process ends,
/// however it ends, so a killed writer never leaves the index locked. It is taken before Lucene's own
/// <c>write.lock</c>, whose lock factory in Lucene.Net 4.8 does not exclude another process on Linux.
/// </summary>
/// <remarks>The holder's process id goes into <c>newsindex.lock.pid</c> next to it (an exclusively locked file cannot be
/// read by others on every OS), so a refused writer can say who holds the index. The lock file is never deleted:
/// deleting a lock file races with a process that has just opened it.</remarks>
internal sealed class WriterLock : IDisposable
{
    /// <summary>The lock file's name.</summary>
    public const string FileName = "newsindex.lock";

    /// <summary>The file naming the holder's process id.</summary>
    public const string PidFileName = "newsindex.lock.pid";

    private readonly FileStream _stream;

    private WriterLock(FileStream stream) => _stream = stream;

    /// <summary>Takes the lock on the index in <paramref name="directory"/> or throws.</summary>
    /// <exception cref="IndexInUseException">Another process (or another writer in this one) holds it.</exception>
    public static WriterLock Acquire(string directory)
    {
        var path = Path.Combine(directory, FileName);
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 1, FileOptions.None);
        }
        catch (IOException ex) when (ex is not FileNotFoundException and not DirectoryNotFoundException and not PathTooLongException)
        {
            throw new IndexInUseException(directory, ReadHolder(directory), ex);
        }

        try
        {
            var pid = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
            File.WriteAllText(Path.Combine(directory, PidFileName), pid);
            return new WriterLock(stream);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>The process id recorded by the current holder, when it is readable and that process is alive.</summary>
    public static int? ReadHolder(string directory)
    {
        try
        {
            var text = File.ReadAllText(Path.Combine(directory, PidFileName)).Trim();
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                return null;
            }

            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return process.HasExited ? null : pid;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>Releases the lock (the OS also releases it when the process dies).</summary>
    public void Dispose() => _stream.Dispose();
}
