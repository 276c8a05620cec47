using NewsIndex.Entities;
using NewsIndex.Testing.Evaluation;

namespace NewsIndex.Tests.Benchmarks;

public class CountryProbeEvaluationTests
{
    [Test]
    public void Run_ScoresEveryTextAndListsTheMistakes()
    {
        var path = Path.Combine(TestPaths.NewTempDirectory(), "probes.jsonl");
        File.WriteAllLines(path,
        [
            """{"id": "1", "kind": "conflict", "text": "Gunmen attacked a police post in Kano.", "countries": ["NG"]}""",
            """{"id": "2", "kind": "general", "text": "Paris Hilton released an album.", "countries": []}""",
            """{"id": "3", "kind": "general", "text": "The storm hit Atlantis overnight.", "countries": ["GR"]}""",
        ]);

        var result = CountryProbeEvaluation.Run(path, EntityCatalog.Default);

        Assert.That(result.Texts, Is.EqualTo(3));
        Assert.That(result.ByKind.Keys, Is.EquivalentTo(new[] { "conflict", "general" }));
        Assert.That(result.ByKind["conflict"].F1, Is.EqualTo(1.0));
        Assert.That(result.Errors.Select(e => e.Id), Does.Contain("3"), "a labelled country the tagger cannot know is a miss");
        Assert.That(result.Errors.Single(e => e.Id == "3").Missed, Is.EqualTo(new[] { "GR" }));
    }

    /// <summary>A regression guard on the committed probe sets (figures in benchmarks/results/CountryProbes.md).</summary>
    [TestCase("countries-probe-dev.jsonl", 0.97)]
    [TestCase("countries-probe-check.jsonl", 0.94)]
    [TestCase("countries-probe-notes.jsonl", 0.96)]
    [TestCase("countries-probe-events.jsonl", 0.96)]
    [TestCase("countries-probe-world.jsonl", 0.96)]
    [TestCase("countries-probe-fresh.jsonl", 0.95)]
    public void TheCommittedProbeSets_StayAboveTheirFloor(string file, double floor)
    {
        var result = CountryProbeEvaluation.Run(Path.Combine(TestPaths.RepositoryRoot, "tests", "devsets", file), EntityCatalog.Default);
        Assert.That(result.All.F1, Is.GreaterThanOrEqualTo(floor), result.All.ToString());
    }
}
