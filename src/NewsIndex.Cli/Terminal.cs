namespace NewsIndex.Cli;

/// <summary>Colour and width for human-readable output: ANSI styles only on an interactive terminal without NO_COLOR.</summary>
internal static class Terminal
{
    public static bool Color { get; } = !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null;

    public static bool ProgressOnStderr { get; } = !Console.IsErrorRedirected;

    public static string Bold(string text) => Color ? $"\u001b[1m{text}\u001b[0m" : text;

    public static string Dim(string text) => Color ? $"\u001b[2m{text}\u001b[0m" : text;

    public static string Highlight(string text) => Color ? $"\u001b[1;33m{text}\u001b[0m" : $"[{text}]";

    public static string Entity(string text) => Color ? $"\u001b[1;36m{text}\u001b[0m" : $"[{text}]";

    public static (string Open, string Close) TermMark => Color ? ("\u001b[1;33m", "\u001b[0m") : ("[", "]");

    public static int Width => Console.IsOutputRedirected ? 100 : Math.Clamp(Console.WindowWidth, 40, 160);
}
