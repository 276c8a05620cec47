using BenchmarkDotNet.Running;
using NewsIndex.Testing.Evaluation;
using NewsIndex.Entities;

namespace NewsIndex.Benchmarks;

/// <summary>Entry point: BenchmarkDotNet's switcher, plus the <c>evaluate</c>, <c>evaluate-forces</c>, <c>evaluate-probes</c>, <c>evaluate-stories</c>, <c>stories-open</c>, <c>scale</c> and <c>scale-summary</c> modes.</summary>
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

        if (args.Length > 0 && args[0] == "evaluate-forces")
        {
            return EvaluateForces(args[1..]);
        }

        if (args.Length > 0 && args[0] == "evaluate-probes")
        {
            var files = args.Skip(1).Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray() is { Length: > 0 } given ? given : CountryProbeEvaluation.FindDefaultPaths();
            if (files.Count == 0)
            {
                Console.Error.WriteLine("evaluate-probes: tests/devsets/countries-probe-*.jsonl not found above the current directory; pass FILE...");
                return 2;
            }

            foreach (var file in files)
            {
                CountryProbeEvaluation.Print(file, CountryProbeEvaluation.Run(file, EntityCatalog.Default), Console.Out, args.Contains("--errors"));
            }

            return 0;
        }

        if (args.Length > 0 && args[0] == "evaluate-stories")
        {
            return Stories.StoryEvaluationRunner.Run(args[1..]);
        }

        if (args.Length > 0 && args[0] == "stories-open")
        {
            return Stories.StoryOpenRunner.Run(args[1..]);
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

    /// <summary><c>evaluate-forces [--labels FILE] [--reuters FILE] [--seeds DIR] [--catalog FILE] [--top N] [--articles] [--probes]</c>: scores forces
    /// and bases against the labelled development set (tests/devsets); with <c>--probes</c>, against the labelled probe texts.</summary>
    private static int EvaluateForces(string[] args)
    {
        string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        var defaults = ForceEvaluation.FindDefaultPaths();
        var labels = Option("--labels") ?? defaults?.Labels;
        if (labels is null)
        {
            Console.Error.WriteLine("evaluate-forces: tests/devsets/forces-dev.labels.jsonl not found above the current directory; pass --labels FILE");
            return 2;
        }

        var catalog = Option("--catalog") is { } extra ? EntityCatalog.Default.WithFile(extra) : EntityCatalog.Default;
        var top = int.TryParse(Option("--top"), out var n) ? n : 25;
        if (args.Contains("--probes"))
        {
            var probes = ForceEvaluation.FindProbePaths();
            if (probes.Count == 0)
            {
                Console.Error.WriteLine("evaluate-forces --probes: tests/devsets/forces-probe-*.labels.jsonl not found above the current directory");
                return 2;
            }

            foreach (var probe in probes)
            {
                Console.WriteLine($"{Path.GetFileName(probe)}:");
                ForceEvaluation.Print(ForceEvaluation.RunProbe(probe, catalog), Console.Out, top, args.Contains("--articles"));
            }

            return 0;
        }

        var result = ForceEvaluation.Run(labels, Option("--reuters") ?? Corpora.ReutersTrain, Option("--seeds") ?? defaults?.Seeds, catalog);
        ForceEvaluation.Print(result, Console.Out, top, args.Contains("--articles"));
        return 0;
    }
}
