using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace NewsIndex.Cli;

/// <summary>
/// The identity of an <c>index</c> run's input, recorded in each checkpoint so <c>--resume</c> only continues the same
/// input: the full paths in order, and for every file (folders recursively, in the reader's ordinal order) its
/// relative path, size, modification time and a hash of its first KiB.
/// </summary>
internal static class InputIdentity
{
    public static string Of(IEnumerable<string> paths)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var names = new List<string>();
        foreach (var path in paths)
        {
            var full = Path.GetFullPath(path);
            names.Add(Path.GetFileName(full.TrimEnd(Path.DirectorySeparatorChar)));
            Add(hash, $"input {full}\n");
            if (Directory.Exists(full))
            {
                foreach (var file in Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                {
                    AddFile(hash, file, Path.GetRelativePath(full, file));
                }
            }
            else if (File.Exists(full))
            {
                AddFile(hash, full, string.Empty);
            }
        }

        var digest = Convert.ToHexStringLower(hash.GetHashAndReset())[..24];
        var label = string.Join(",", names);
        return $"{(label.Length > 80 ? label[..80] + "…" : label)} sha256:{digest}";
    }

    private static void AddFile(IncrementalHash hash, string file, string name)
    {
        var info = new FileInfo(file);
        Add(hash, string.Create(CultureInfo.InvariantCulture, $"file {name} {info.Length} {info.LastWriteTimeUtc.Ticks}\n"));
        if (!info.Attributes.HasFlag(FileAttributes.ReparsePoint) && info.Length > 0)
        {
            try
            {
                using var stream = info.OpenRead();
                var head = new byte[1024];
                hash.AppendData(head, 0, stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Add(hash, "unreadable\n"); // the reader reports it; identity still covers size and time
            }
        }
    }

    private static void Add(IncrementalHash hash, string text) => hash.AppendData(Encoding.UTF8.GetBytes(text));
}
