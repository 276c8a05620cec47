using System.Text.RegularExpressions;
using Lucene.Net.Index;
using NewsIndex.Entities;
using NewsIndex.Mapping;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace NewsIndex.Indexing;

/// <summary>Checks an index end to end and repairs it by dropping the segments that cannot be read.</summary>
internal static partial class IndexIntegrity
{
    /// <summary>
    /// True when a writer died while creating the index: the directory holds segments files, none of them readable, and
    /// no segment data at all, so no article was ever committed (a process killed while writing a new index's first,
    /// empty commit leaves a zero-byte <c>segments_1</c>). Lucene 4.8 writes <c>segments_N</c> in place, so this state
    /// is reachable by a kill at the wrong millisecond.
    /// </summary>
    public static bool IsInterruptedCreation(LuceneDirectory directory)
    {
        var files = directory.ListAll();
        if (!files.Any(IsSegmentsFile) || files.Any(f => !IsSegmentsFile(f) && f != IndexFileNames.SEGMENTS_GEN && !f.EndsWith("lock", StringComparison.Ordinal) && !f.EndsWith(".pid", StringComparison.Ordinal)))
        {
            return false;
        }

        try
        {
            new SegmentInfos().Read(directory);
            return false;
        }
        catch (IOException)
        {
            return true;
        }

        static bool IsSegmentsFile(string name) => name.StartsWith(IndexFileNames.SEGMENTS + "_", StringComparison.Ordinal);
    }

    /// <summary>CheckIndex over the last commit, then every live article decoded, then the versions.</summary>
    public static IndexVerification Verify(LuceneDirectory directory, string location, EntityCatalog catalog)
    {
        if (IsInterruptedCreation(directory))
        {
            // Nothing was ever committed, so nothing is damaged: the next writer creates the index afresh.
            return new IndexVerification(location, true, [], 0, 0, 0, 0, "?", "?", null);
        }

        var problems = new List<string>();
        var (status, log) = Check(directory);
        if (status is null)
        {
            problems.Add($"no readable commit: {log}");
            return new IndexVerification(location, false, problems, 0, 0, 0, 0, "?", "?", null);
        }

        if (status.MissingSegments)
        {
            problems.Add($"no readable commit (the segments file is missing or damaged{LastError(log)})");
        }
        else if (status.CantOpenSegments)
        {
            problems.Add($"the commit's segments file cannot be read{LastError(log)}");
        }

        foreach (var segment in FailedSegments(log))
        {
            problems.Add($"segment {segment} is damaged{SegmentError(log, segment)}");
        }

        var articles = status.SegmentInfos.Sum(s => s.DocCount - s.NumDeleted);
        if (status.Clean && !status.MissingSegments)
        {
            articles = DecodeAll(directory, problems);
        }

        var data = status.UserData ?? new Dictionary<string, string>();
        var schema = data.TryGetValue(IndexStore.SchemaKey, out var s) ? s : "?";
        var catalogVersion = data.TryGetValue(IndexStore.CatalogKey, out var c) ? c : "?";
        var healthy = problems.Count == 0 && status.Clean;
        if (!status.MissingSegments && schema != IndexStore.SchemaVersion)
        {
            problems.Add(schema == "?"
                ? "not a NewsIndex index (no schema version in the commit data)"
                : $"schema {schema}, this version reads schema {IndexStore.SchemaVersion}: re-index into a new directory");
            healthy = false;
        }

        if (catalogVersion != "?" && catalogVersion != catalog.Version)
        {
            // Stale tags are not damage: searches still work, entity fields may be out of date.
            problems.Add($"tagged with entity catalog {catalogVersion}, this version's catalog is {catalog.Version}: re-index to refresh entity fields");
        }

        return new IndexVerification(location, healthy, problems, status.NumSegments, articles, status.NumBadSegments, status.TotLoseDocCount,
            schema, catalogVersion, IndexStore.ReadCheckpoint(data));
    }

    /// <summary>Drops the segments CheckIndex cannot read and writes a new commit of the rest. The caller holds the writer lock.</summary>
    public static IndexRepairReport Repair(LuceneDirectory directory, string location)
    {
        var (status, log) = Check(directory);
        if (status is null || status.MissingSegments || status.CantOpenSegments)
        {
            throw new IndexCorruptException(location, "repairing", new CorruptIndexException(
                $"no readable commit, so nothing can be kept{LastError(log)}; index the articles again into a new directory"));
        }

        var kept = status.SegmentInfos.Sum(s => s.DocCount - s.NumDeleted) - status.TotLoseDocCount;
        if (status.Clean)
        {
            return new IndexRepairReport(location, false, ValueList<string>.Empty, 0, kept);
        }

        var before = status.SegmentInfos.Select(s => s.Name).ToList();
        new CheckIndex(directory).FixIndex(status);
        var after = new SegmentInfos();
        after.Read(directory);
        var remaining = after.Segments.Select(s => s.Info.Name).ToHashSet(StringComparer.Ordinal);
        return new IndexRepairReport(location, true, before.Where(name => !remaining.Contains(name)).ToList(), status.TotLoseDocCount, after.TotalDocCount);
    }

    private static (CheckIndex.Status? Status, string Log) Check(LuceneDirectory directory)
    {
        using var log = new StringWriter();
        var checker = new CheckIndex(directory) { InfoStream = log, CrossCheckTermVectors = true };
        try
        {
            var status = checker.DoCheckIndex();
            checker.FlushInfoStream();
            return (status, log.ToString());
        }
        catch (Exception ex) when (IndexErrors.IsCorruption(ex) || ex is IOException)
        {
            return (null, $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    private static int DecodeAll(LuceneDirectory directory, List<string> problems)
    {
        using var reader = DirectoryReader.Open(directory);
        var live = 0;
        foreach (var leaf in reader.Leaves)
        {
            var liveDocs = leaf.AtomicReader.LiveDocs;
            for (var doc = 0; doc < leaf.AtomicReader.MaxDoc; doc++)
            {
                if (liveDocs is not null && !liveDocs.Get(doc))
                {
                    continue;
                }

                try
                {
                    _ = DocumentMapper.Read(leaf.AtomicReader, doc);
                    live++;
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    problems.Add($"document {doc} of segment {leaf.Ord} cannot be read as an article: {ex.GetType().Name}: {ex.Message}");
                    if (problems.Count > 20)
                    {
                        return live;
                    }
                }
            }
        }

        return live;
    }

    private static IEnumerable<string> FailedSegments(string log)
    {
        string? current = null;
        foreach (var line in log.Split('\n'))
        {
            if (SegmentName().Match(line) is { Success: true } match)
            {
                current = match.Groups[1].Value;
            }
            else if (current is not null && line.TrimEnd().EndsWith("FAILED", StringComparison.Ordinal))
            {
                yield return current;
                current = null;
            }
        }
    }

    private static string SegmentError(string log, string segment)
    {
        var start = log.IndexOf($"name={segment} ", StringComparison.Ordinal);
        var failed = start < 0 ? -1 : log.IndexOf("full exception:", start, StringComparison.Ordinal);
        if (failed < 0)
        {
            return string.Empty;
        }

        var line = log[(failed + "full exception:".Length)..].TrimStart().Split('\n')[0].Trim();
        return line.Length == 0 ? string.Empty : $" ({line})";
    }

    private static string LastError(string log)
    {
        var line = log.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.Contains("Exception", StringComparison.Ordinal) || l.StartsWith("ERROR", StringComparison.Ordinal));
        return line is null ? string.Empty : $": {line}";
    }

    [GeneratedRegex(@"^\s*\d+ of \d+: name=(\S+)")]
    private static partial Regex SegmentName();
}
