using System.Globalization;

namespace NewsIndex.Testing.Stories;

/// <summary>
/// Pairwise and B-cubed precision, recall and F1 of a predicted clustering against a gold one. An item the prediction
/// does not cover counts as a singleton; items outside the gold map are ignored.
/// </summary>
/// <param name="PairPrecision">Same-cluster predicted pairs that are gold pairs, over predicted pairs (1 when none are predicted).</param>
/// <param name="PairRecall">Gold pairs predicted together, over gold pairs.</param>
/// <param name="BCubedPrecision">Mean over items of |predicted cluster ∩ gold cluster| / |predicted cluster|.</param>
/// <param name="BCubedRecall">Mean over items of |predicted cluster ∩ gold cluster| / |gold cluster|.</param>
/// <param name="GoldClusters">Number of gold clusters.</param>
/// <param name="PredictedClusters">Number of predicted clusters (singletons included).</param>
public sealed record ClusteringScore(double PairPrecision, double PairRecall, double BCubedPrecision, double BCubedRecall, int GoldClusters, int PredictedClusters)
{
    /// <summary>Harmonic mean of the pairwise precision and recall.</summary>
    public double PairF1 => F1(PairPrecision, PairRecall);

    /// <summary>Harmonic mean of the B-cubed precision and recall.</summary>
    public double BCubedF1 => F1(BCubedPrecision, BCubedRecall);

    /// <summary>Scores <paramref name="predicted"/> (item → cluster) against <paramref name="gold"/> (item → cluster).</summary>
    public static ClusteringScore Compute(IReadOnlyDictionary<string, string> gold, IReadOnlyDictionary<string, string> predicted)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);

        // Items missing from the prediction become singletons under a key no real cluster id can take.
        string PredictedOf(string item) => predicted.TryGetValue(item, out var cluster) ? "p:" + cluster : "single:" + item;

        var goldSizes = new Dictionary<string, int>(StringComparer.Ordinal);
        var predictedSizes = new Dictionary<string, int>(StringComparer.Ordinal);
        var both = new Dictionary<(string, string), int>();
        foreach (var (item, cluster) in gold)
        {
            var p = PredictedOf(item);
            goldSizes[cluster] = goldSizes.GetValueOrDefault(cluster) + 1;
            predictedSizes[p] = predictedSizes.GetValueOrDefault(p) + 1;
            both[(cluster, p)] = both.GetValueOrDefault((cluster, p)) + 1;
        }

        static double Pairs(int n) => n * (n - 1) / 2.0;
        var truePairs = both.Values.Sum(Pairs);
        var goldPairs = goldSizes.Values.Sum(Pairs);
        var predictedPairs = predictedSizes.Values.Sum(Pairs);

        double bPrecision = 0, bRecall = 0;
        foreach (var (item, cluster) in gold)
        {
            var p = PredictedOf(item);
            var overlap = both[(cluster, p)];
            bPrecision += (double)overlap / predictedSizes[p];
            bRecall += (double)overlap / goldSizes[cluster];
        }

        var n = Math.Max(1, gold.Count);
        return new ClusteringScore(
            predictedPairs == 0 ? 1 : truePairs / predictedPairs,
            goldPairs == 0 ? 1 : truePairs / goldPairs,
            bPrecision / n,
            bRecall / n,
            goldSizes.Count,
            predictedSizes.Count);
    }

    /// <summary>
    /// Share of "look-alike" pairs merged: pairs of items in different gold clusters of the same group (an ECB+ topic
    /// holds two similar events) that the prediction put in one cluster.
    /// </summary>
    /// <param name="gold">Item → gold cluster.</param>
    /// <param name="groupOfCluster">Gold cluster → group; clusters without a group are skipped.</param>
    /// <param name="predicted">Item → predicted cluster; missing items are singletons.</param>
    /// <returns>Merged pairs, all look-alike pairs.</returns>
    public static (long Merged, long Pairs) LookAlikeMerges(IReadOnlyDictionary<string, string> gold, IReadOnlyDictionary<string, string> groupOfCluster, IReadOnlyDictionary<string, string> predicted)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(groupOfCluster);
        ArgumentNullException.ThrowIfNull(predicted);
        long merged = 0, pairs = 0;
        foreach (var group in gold.Where(kv => groupOfCluster.ContainsKey(kv.Value)).GroupBy(kv => groupOfCluster[kv.Value]))
        {
            var items = group.ToArray();
            for (var i = 0; i < items.Length; i++)
            {
                for (var j = i + 1; j < items.Length; j++)
                {
                    if (string.Equals(items[i].Value, items[j].Value, StringComparison.Ordinal))
                    {
                        continue;
                    }

                    pairs++;
                    if (predicted.TryGetValue(items[i].Key, out var a) && predicted.TryGetValue(items[j].Key, out var b) && string.Equals(a, b, StringComparison.Ordinal))
                    {
                        merged++;
                    }
                }
            }
        }

        return (merged, pairs);
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"pairwise P {PairPrecision:F3} R {PairRecall:F3} F1 {PairF1:F3} | B-cubed P {BCubedPrecision:F3} R {BCubedRecall:F3} F1 {BCubedF1:F3} | {PredictedClusters} clusters (gold {GoldClusters})");

    private static double F1(double p, double r) => p + r == 0 ? 0 : 2 * p * r / (p + r);
}
