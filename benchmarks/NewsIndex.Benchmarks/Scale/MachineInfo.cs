using System.Runtime.InteropServices;

namespace NewsIndex.Benchmarks.Scale;

/// <summary>A one-line description of the machine, for reports.</summary>
public static class MachineInfo
{
    /// <summary>CPU model, cores, memory, OS and .NET runtime.</summary>
    public static string Describe()
    {
        var cpu = ReadFirst("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString();
        var memory = ReadFirst("/proc/meminfo", "MemTotal");
        var memoryGiB = memory is not null && long.TryParse(new string(memory.Where(char.IsDigit).ToArray()), out var kb) ? $"{kb / 1024.0 / 1024.0:F0} GiB" : "? GiB";
        return $"{cpu}, {Environment.ProcessorCount} cores, {memoryGiB} RAM, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}";
    }

    private static string? ReadFirst(string path, string key)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
        return line?[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }
}
