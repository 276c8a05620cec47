namespace NewsIndex.Testing.Evaluation;

/// <summary>Micro-averaged precision / recall / F1 accumulated over documents.</summary>
public sealed class SetScore
{
    /// <summary>Items predicted and in the gold set.</summary>
    public long TruePositives { get; private set; }

    /// <summary>Items predicted but not in the gold set.</summary>
    public long FalsePositives { get; private set; }

    /// <summary>Gold items not predicted.</summary>
    public long FalseNegatives { get; private set; }

    /// <summary>TP / (TP + FP).</summary>
    public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);

    /// <summary>TP / (TP + FN).</summary>
    public double Recall => TruePositives + FalseNegatives == 0 ? 0 : (double)TruePositives / (TruePositives + FalseNegatives);

    /// <summary>Harmonic mean of precision and recall.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>False positives and false negatives per item, for error analysis.</summary>
    public Dictionary<string, (int FalsePositives, int FalseNegatives)> ErrorsByItem { get; } = new(StringComparer.Ordinal);

    /// <summary>Adds one document's predicted and gold sets.</summary>
    public void Add(IReadOnlySet<string> predicted, IReadOnlySet<string> gold)
    {
        foreach (var item in predicted.Where(p => !gold.Contains(p)))
        {
            var e = ErrorsByItem.GetValueOrDefault(item);
            ErrorsByItem[item] = (e.FalsePositives + 1, e.FalseNegatives);
        }

        foreach (var item in gold.Where(g => !predicted.Contains(g)))
        {
            var e = ErrorsByItem.GetValueOrDefault(item);
            ErrorsByItem[item] = (e.FalsePositives, e.FalseNegatives + 1);
        }

        var hits = predicted.Count(gold.Contains);
        TruePositives += hits;
        FalsePositives += predicted.Count - hits;
        FalseNegatives += gold.Count - hits;
    }

    /// <inheritdoc />
    public override string ToString() => $"P {Precision:F3}  R {Recall:F3}  F1 {F1:F3}";
}
