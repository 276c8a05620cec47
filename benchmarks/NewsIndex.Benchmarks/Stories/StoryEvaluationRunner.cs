using NewsIndex.Entities;
using NewsIndex.Stories;

namespace NewsIndex.Benchmarks.Stories;

/// <summary>
/// The <c>evaluate-stories</c> mode: <c>evaluate-stories [--tune] [--gva FILE] [--ecb FILE] [--lead N] [--candidates N] [--join X] [--posted N] [--age-penalty X] [--title-weight X] [--errors]</c> prints the figures for
/// the default <see cref="StoryOptions"/>; <c>--tune</c> first searches the grid on the GVA tuning half and reports
/// the winner on both halves.
/// </summary>
public static class StoryEvaluationRunner
{
    /// <summary>Runs the mode; returns the process exit code.</summary>
    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? Value(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        var gvaPath = Value("--gva") ?? StoryCorpus.GvaDev;
        var ecbPath = Value("--ecb") ?? StoryCorpus.EcbPlusDev;
        var gva = StoryEvaluation.Load(gvaPath, EntityCatalog.Default);
        var ecb = StoryEvaluation.Load(ecbPath, EntityCatalog.Default);
        Console.WriteLine($"GVA: {gvaPath} ({gva.Count:N0} articles); ECB+: {ecbPath} ({ecb.Count:N0} articles)");
        var options = StoryOptions.Default;
        if (Value("--lead") is { } lead)
        {
            options = options with { LeadWords = int.Parse(lead, System.Globalization.CultureInfo.InvariantCulture) };
        }

        if (Value("--candidates") is { } candidates)
        {
            options = options with { MaxCandidates = int.Parse(candidates, System.Globalization.CultureInfo.InvariantCulture) };
        }

        if (Value("--join") is { } join)
        {
            options = options with { JoinThreshold = double.Parse(join, System.Globalization.CultureInfo.InvariantCulture) };
        }

        if (Value("--posted") is { } posted)
        {
            options = options with { PostedWords = int.Parse(posted, System.Globalization.CultureInfo.InvariantCulture) };
        }

        if (Value("--title-weight") is { } titleWeight)
        {
            options = options with { TitleWeight = double.Parse(titleWeight, System.Globalization.CultureInfo.InvariantCulture) };
        }

        if (Value("--age-penalty") is { } agePenalty)
        {
            options = options with { AgeConflictPenalty = double.Parse(agePenalty, System.Globalization.CultureInfo.InvariantCulture) };
        }

        if (args.Contains("--tune"))
        {
            options = StoryEvaluation.Tune(Console.Out, gva, ecb, minPrecision: double.Parse(Value("--min-precision") ?? "0.965", System.Globalization.CultureInfo.InvariantCulture), maxLookAlike: 0.03);
            Console.WriteLine($"chosen: {options}");
        }

        if (args.Contains("--errors"))
        {
            StoryEvaluation.Errors(Console.Out, args.Contains("--ecb-errors") ? ecb : gva, options, 40);
            return 0;
        }

        StoryEvaluation.Report(Console.Out, gva, ecb, options);
        return 0;
    }
}
