using System.Globalization;
using System.Text;
using Spectre.Console;

namespace NewsIndex.Cli;

/// <summary>Colour and width for human-readable output: ANSI styles, Spectre.Console tables only on an interactive
/// terminal without NO_COLOR (<see cref="Rich"/>); plain lines otherwise. Text that comes from articles or from the user
/// goes through <see cref="Safe"/> first (and <see cref="Text"/> before it meets Spectre markup).</summary>
internal static class Terminal
{
    private static readonly Lazy<IAnsiConsole> LazyErr = new(() => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Ansi = AnsiSupport.Detect,
        ColorSystem = ColorSystemSupport.Detect,
        Out = new AnsiConsoleOutput(Console.Error),
    }));

    private static readonly Lazy<IAnsiConsole> LazyOut = new(() => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Ansi = AnsiSupport.Detect,
        ColorSystem = ColorSystemSupport.Detect,
        Out = new AnsiConsoleOutput(Console.Out),
    }));

    public static bool Color { get; } = !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null;

    /// <summary>Tables and colour on stdout: a terminal, and no NO_COLOR. Redirected output stays plain lines.</summary>
    public static bool Rich => Color;

    /// <summary>A live progress bar on stderr: it is a terminal (Spectre.Console drops colour itself under NO_COLOR).</summary>
    public static bool ProgressOnStderr { get; } = !Console.IsErrorRedirected;

    /// <summary>Spectre.Console on stdout (for <see cref="Rich"/> output).</summary>
    public static IAnsiConsole Out => LazyOut.Value;

    /// <summary>Spectre.Console on stderr (progress, and lines written while it shows).</summary>
    public static IAnsiConsole Err => LazyErr.Value;

    /// <summary>Untrusted text made safe for the terminal (<see cref="Safe"/>) and for Spectre markup (brackets escaped).</summary>
    public static string Text(string? text, bool keepLines = false) => Markup.Escape(Safe(text, keepLines));

    public static string Bold(string text) => Color ? $"\u001b[1m{text}\u001b[0m" : text;

    public static string Dim(string text) => Color ? $"\u001b[2m{text}\u001b[0m" : text;

    public static string Highlight(string text) => Color ? $"\u001b[1;33m{text}\u001b[0m" : $"[{text}]";

    public static string Entity(string text) => Color ? $"\u001b[1;36m{text}\u001b[0m" : $"[{text}]";

    public static (string Open, string Close) TermMark => Color ? ("\u001b[1;33m", "\u001b[0m") : ("[", "]");

    public static int Width => Console.IsOutputRedirected ? 100 : Math.Clamp(Console.WindowWidth, 40, 160);

    /// <summary>
    /// Makes untrusted text harmless on a terminal: C0 and C1 control characters (ESC, BEL, CSI…), DEL, and the bidi
    /// overrides and isolates that can reorder what is shown are written as visible <c>\x1b</c> / <c>\u202e</c>
    /// escapes, so an article titled <c>ESC]0;…BEL</c> cannot retitle or clear the user's terminal. Lone surrogates
    /// become <c>\ud800</c> as well. Line breaks and tabs are kept only when <paramref name="keepLines"/> is set.
    /// </summary>
    public static string Safe(string? text, bool keepLines = false)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        StringBuilder? builder = null;
        for (var index = 0; index < text.Length; index++)
        {
            var c = text[index];
            if (!NeedsEscape(text, index, keepLines))
            {
                builder?.Append(c);
                if (char.IsHighSurrogate(c))
                {
                    builder?.Append(text[index + 1]);
                    index++;
                }

                continue;
            }

            builder ??= new StringBuilder(text.Length + 16).Append(text, 0, index);
            builder.Append(c < 0x80 ? "\\x" : "\\u").Append(((int)c).ToString(c < 0x80 ? "x2" : "x4", CultureInfo.InvariantCulture));
        }

        return builder?.ToString() ?? text;
    }

    private static bool NeedsEscape(string text, int index, bool keepLines)
    {
        var c = text[index];
        if (c is '\n' or '\t' or '\r')
        {
            return !keepLines || c == '\r';
        }

        if (char.IsHighSurrogate(c))
        {
            return index + 1 >= text.Length || !char.IsLowSurrogate(text[index + 1]);
        }

        return c < 0x20 || c is >= '\u007f' and <= '\u009f' || char.IsLowSurrogate(c)
            || c is >= '\u202a' and <= '\u202e' || c is >= '\u2066' and <= '\u2069' || c is '\u200e' or '\u200f' or '\u061c';
    }
}
