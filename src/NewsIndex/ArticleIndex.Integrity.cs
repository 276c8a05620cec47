using Lucene.Net.Index;
using Lucene.Net.Store;
using NewsIndex.Indexing;

namespace NewsIndex;

public sealed partial class ArticleIndex
{
    /// <summary>
    /// Checks the index in <paramref name="path"/> end to end: Lucene's CheckIndex over every segment of the last commit
    /// (checksums, postings, stored fields, doc values, term vectors), every article decoded, schema and catalog
    /// versions. Reads only; safe while a writer is open, though it checks the last commit, not uncommitted changes.
    /// </summary>
    /// <exception cref="NewsIndexException">There is no directory at <paramref name="path"/>.</exception>
    public static IndexVerification Verify(string path, ArticleIndexOptions? options = null)
    {
        var full = ExistingDirectory(path);
        using var directory = new NIOFSDirectory(new DirectoryInfo(full));
        return IndexIntegrity.Verify(directory, full, (options ?? ArticleIndexOptions.Default).Catalog);
    }

    /// <summary>
    /// Repairs a damaged index by dropping the segments that cannot be read (Lucene's CheckIndex.FixIndex) and committing
    /// the rest; the report names what was dropped so it can be indexed again. Does nothing to a healthy index.
    /// Takes the writer lock for the duration.
    /// </summary>
    /// <exception cref="IndexInUseException">A writer holds the index.</exception>
    /// <exception cref="IndexCorruptException">No commit can be read at all: nothing can be kept.</exception>
    public static IndexRepairReport Repair(string path)
    {
        var full = ExistingDirectory(path);
        using var writerLock = WriterLock.Acquire(full);
        using var directory = new NIOFSDirectory(new DirectoryInfo(full));
        using var luceneLock = directory.MakeLock(IndexWriter.WRITE_LOCK_NAME);
        if (!luceneLock.Obtain())
        {
            throw new IndexInUseException(full, WriterLock.ReadHolder(full), null);
        }

        return IndexIntegrity.Repair(directory, full);
    }

    /// <summary>Checks an index in any Lucene directory (tests use damaged in-memory ones).</summary>
    internal static IndexVerification Verify(Lucene.Net.Store.Directory directory, string location, ArticleIndexOptions options) =>
        IndexIntegrity.Verify(directory, location, options.Catalog);

    private static string ExistingDirectory(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        return System.IO.Directory.Exists(full) ? full : throw new NewsIndexException($"no index at {full}");
    }
}
