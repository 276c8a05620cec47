namespace NewsIndex.Cli;

/// <summary>
/// The process exit codes, one per outcome a script may want to tell apart. Documented in the README and in
/// <c>newsindex --help</c>; tests run the real executable for each.
/// </summary>
internal static class ExitCodes
{
    /// <summary>Done.</summary>
    public const int Ok = 0;

    /// <summary>Any other error: bad input file, bad query, I/O failure, an index of another schema or catalog.</summary>
    public const int Error = 1;

    /// <summary>The index is damaged: <c>verify</c> found damage, or a command met it while reading.</summary>
    public const int Damaged = 2;

    /// <summary><c>show</c>, <c>related</c> or <c>delete</c> named an article id the index does not hold.</summary>
    public const int NotFound = 3;

    /// <summary>Another writer (this or another process) holds the index.</summary>
    public const int IndexInUse = 4;

    /// <summary><c>index</c> finished but skipped records or files it could not read (each named on stderr).</summary>
    public const int PartialIngestion = 5;

    /// <summary>The command line could not be parsed (unknown command or option, missing or bad argument); EX_USAGE of sysexits.h.</summary>
    public const int Usage = 64;

    /// <summary>Stopped by Ctrl-C or SIGTERM (128 + SIGINT), after committing what was added.</summary>
    public const int Interrupted = 130;

    /// <summary>Writes <c>newsindex: error: MESSAGE</c> on stderr (escaped for the terminal) and returns <paramref name="code"/>.</summary>
    public static int Fail(int code, string message)
    {
        Console.Error.WriteLine($"newsindex: error: {Terminal.Safe(message)}");
        return code;
    }

    /// <summary>The codes as <c>newsindex --help</c> lists them.</summary>
    public const string Help =
        "Exit codes: 0 ok, 1 error, 2 damaged index, 3 article not found, 4 index in use by another writer, " +
        "5 indexed but some records were skipped, 64 usage error, 130 interrupted (Ctrl-C/SIGTERM, work so far committed).";
}
