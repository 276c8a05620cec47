using BenchmarkDotNet.Running;
using NewsIndex.Benchmarks.Evaluation;
using NewsIndex.Entities;

namespace NewsIndex.Benchmarks;

/// <summary>Entry point: BenchmarkDotNet's switcher, plus the <c>evaluate</c>, <c>evaluate-stories</c>, <c>scale</c> and <c>scale-summary</c> modes.</summary>
public static class Program
{
    /// <summary>Runs benchmarks (default) or a mode named by the first argument.</summary>
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "evaluate")
        {
            var path = args.Length > 1 && !args[1].StartsWith("--", StringComparison.Ordinal) ? args[1] : Corpora.ReutersTrain;
            var result = ReutersEvaluation.Run(path, EntityCatalog.Default);
            Console.WriteLine($"Reuters-21578 ({path}): {result.Articles:N0} articles with PLACES, {result.Unmapped} unmapped labels");
            Console.WriteLine($"  about (prominent) countries : {result.About}");
            Console.WriteLine($"  all mentioned countries     : {result.Mentioned}");
            Console.WriteLine($"  naive name matcher baseline : {result.Naive}");
            if (args.Contains("--errors"))
            {
                foreach (var (item, (fp, fn)) in result.About.ErrorsByItem.OrderByDescending(kv => kv.Value.FalsePositives + kv.Value.FalseNegatives).Take(25))
                {
                    Console.WriteLine($"    {item}: {fp} false positives, {fn} false negatives");
                }
            }

            return 0;
        }

        if (args.Length > 0 && args[0] == "evaluate-stories")
        {
            return Stories.StoryEvaluationRunner.Run(args[1..]);
        }

        if (args.Length > 0 && args[0] == "scale")
        {
            return Scale.ScaleRunner.Run(args[1..]);
        }

        if (args.Length > 0 && args[0] == "scale-summary")
        {
            return Scale.ScaleRunner.Summary(args[1..]);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
