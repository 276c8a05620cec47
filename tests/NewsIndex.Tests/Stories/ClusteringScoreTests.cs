using NewsIndex.Testing.Stories;

namespace NewsIndex.Tests.Stories;

public sealed class ClusteringScoreTests
{
    // Gold: {a b c} {d e}. Predicted: {a b} {c d}, e missing (a singleton). Worked by hand:
    // pairs: gold 3 + 1 = 4, predicted 1 + 1 = 2, both 1 (a-b) → P 1/2, R 1/4, F1 1/3.
    // B-cubed per item (P, R): a (1, 2/3), b (1, 2/3), c (1/2, 1/3), d (1/2, 1/2), e (1, 1/2) → P 4/5, R 8/15.
    private static readonly Dictionary<string, string> Gold = new() { ["a"] = "G1", ["b"] = "G1", ["c"] = "G1", ["d"] = "G2", ["e"] = "G2" };
    private static readonly Dictionary<string, string> Predicted = new() { ["a"] = "P1", ["b"] = "P1", ["c"] = "P2", ["d"] = "P2" };

    [Test]
    public void Compute_HandWorkedExample_GivesPairwiseAndBCubedFigures()
    {
        var score = ClusteringScore.Compute(Gold, Predicted);

        Assert.Multiple(() =>
        {
            Assert.That(score.PairPrecision, Is.EqualTo(0.5).Within(1e-12));
            Assert.That(score.PairRecall, Is.EqualTo(0.25).Within(1e-12));
            Assert.That(score.PairF1, Is.EqualTo(1.0 / 3).Within(1e-12));
            Assert.That(score.BCubedPrecision, Is.EqualTo(0.8).Within(1e-12));
            Assert.That(score.BCubedRecall, Is.EqualTo(8.0 / 15).Within(1e-12));
            Assert.That(score.BCubedF1, Is.EqualTo(2 * 0.8 * (8.0 / 15) / (0.8 + (8.0 / 15))).Within(1e-12));
            Assert.That(score.GoldClusters, Is.EqualTo(2));
            Assert.That(score.PredictedClusters, Is.EqualTo(3));
        });
    }

    [Test]
    public void Compute_Singletons_HavePerfectPrecisionAndNoPairRecall()
    {
        var score = ClusteringScore.Compute(Gold, new Dictionary<string, string>());

        Assert.Multiple(() =>
        {
            Assert.That(score.PairPrecision, Is.EqualTo(1));
            Assert.That(score.PairRecall, Is.EqualTo(0));
            Assert.That(score.BCubedRecall, Is.EqualTo(((1.0 / 3 * 3) + (0.5 * 2)) / 5).Within(1e-12));
            Assert.That(score.PredictedClusters, Is.EqualTo(5));
        });
    }

    [Test]
    public void LookAlikeMerges_CountsCrossEventPairsOfOneGroup()
    {
        var groups = new Dictionary<string, string> { ["G1"] = "T", ["G2"] = "T" };

        var (merged, pairs) = ClusteringScore.LookAlikeMerges(Gold, groups, Predicted);

        Assert.That((merged, pairs), Is.EqualTo((1L, 6L)));
    }
}
