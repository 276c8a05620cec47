using System.Diagnostics;

namespace NewsIndex.Tests.Cli;

/// <summary>Runs the real <c>newsindex</c> executable (the built NewsIndex.Cli.dll) in a child process.</summary>
internal static class CliRunner
{
    public static string CliDll => Path.Combine(AppContext.BaseDirectory, "NewsIndex.Cli.dll");

    public static (int ExitCode, string Stdout, string Stderr) Run(string home, params string[] args) =>
        Run(home, new Dictionary<string, string>(), args);

    /// <summary>Runs with extra environment variables.</summary>
    public static (int ExitCode, string Stdout, string Stderr) Run(string home, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(CliDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["NEWSINDEX_HOME"] = home;
        start.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"newsindex {string.Join(' ', args)} did not finish in 2 minutes");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
