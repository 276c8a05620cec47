using System.Text.Json;
using NewsIndex.Entities;
using NewsIndex.Ingestion;

namespace NewsIndex.Testing.Evaluation;

/// <summary>
/// Scores the tagger's mentioned countries against short labelled news texts (tests/devsets/countries-probe-*.jsonl:
/// conflict-event reports, general news, texts naming several countries), overall and by kind.
/// </summary>
public static class CountryProbeEvaluation
{
    /// <summary>One text the tagger got wrong: its id, the countries it missed and those it added.</summary>
    /// <param name="Id">The text's id in the file.</param>
    /// <param name="Missed">Labelled countries the tagger did not find.</param>
    /// <param name="Extra">Countries the tagger found that are not labelled.</param>
    /// <param name="Text">The text.</param>
    public sealed record Mistake(string Id, IReadOnlyList<string> Missed, IReadOnlyList<string> Extra, string Text);

    /// <summary>The scores of one file.</summary>
    /// <param name="Texts">Number of texts scored.</param>
    /// <param name="All">Micro-averaged scores over every text.</param>
    /// <param name="ByKind">Scores per kind (conflict, general, several).</param>
    /// <param name="Errors">Every text whose countries differ from its labels.</param>
    public sealed record Result(int Texts, SetScore All, IReadOnlyDictionary<string, SetScore> ByKind, IReadOnlyList<Mistake> Errors);

    /// <summary>The probe files in tests/devsets above the current directory, or an empty list.</summary>
    public static IReadOnlyList<string> FindDefaultPaths()
    {
        for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
        {
            var devsets = Path.Combine(directory.FullName, "tests", "devsets");
            if (File.Exists(Path.Combine(devsets, "countries-probe-dev.jsonl")))
            {
                return Directory.GetFiles(devsets, "countries-probe-*.jsonl").Order(StringComparer.Ordinal).ToArray();
            }
        }

        return [];
    }

    /// <summary>Tags every text of <paramref name="path"/> (as an article body) and scores its mentioned countries.</summary>
    public static Result Run(string path, EntityCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var tagger = catalog.Tagger;
        var all = new SetScore();
        var byKind = new SortedDictionary<string, SetScore>(StringComparer.Ordinal);
        var errors = new List<Mistake>();
        var texts = 0;
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            var id = root.TryGetProperty("id", out var idElement) ? idElement.GetString() ?? $"{lineNumber}" : $"{lineNumber}";
            var kind = root.TryGetProperty("kind", out var kindElement) ? kindElement.GetString() ?? "" : "";
            var text = root.GetProperty("text").GetString() ?? throw new FormatException($"{path}:{lineNumber}: no text");
            var gold = root.GetProperty("countries").EnumerateArray().Select(c => c.GetString()!).ToHashSet(StringComparer.Ordinal);
            var predicted = tagger.Tag(new Article(id, "", text)).Mentioned.Countries.ToHashSet(StringComparer.Ordinal);
            all.Add(predicted, gold);
            (byKind.TryGetValue(kind, out var score) ? score : byKind[kind] = new SetScore()).Add(predicted, gold);
            if (!predicted.SetEquals(gold))
            {
                errors.Add(new Mistake(id, gold.Except(predicted).Order(StringComparer.Ordinal).ToArray(), predicted.Except(gold).Order(StringComparer.Ordinal).ToArray(), text));
            }

            texts++;
        }

        return new Result(texts, all, byKind, errors);
    }

    /// <summary>Writes the scores, and with <paramref name="errors"/> every text the tagger got wrong.</summary>
    public static void Print(string path, Result result, TextWriter output, bool errors = false)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine($"{Path.GetFileName(path)}: {result.Texts} texts, mentioned countries {result.All}");
        foreach (var (kind, score) in result.ByKind)
        {
            output.WriteLine($"  {kind,-9}: {score}");
        }

        if (errors)
        {
            foreach (var error in result.Errors)
            {
                output.WriteLine($"    {error.Id} missed [{string.Join(",", error.Missed)}] extra [{string.Join(",", error.Extra)}] | {error.Text}");
            }
        }
    }
}
