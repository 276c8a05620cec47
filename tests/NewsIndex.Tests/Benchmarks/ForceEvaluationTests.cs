using NewsIndex.Testing.Evaluation;
using NewsIndex.Entities;

namespace NewsIndex.Tests.Benchmarks;

public class ForceEvaluationTests
{
    private const string TitleA = "Iraqi troops attack";
    private const string BodyA = "Iranian forces and the Revolutionary Guards clashed with Iraqi troops near Basra. NATO watched.";
    private const string BodyB = "Contra rebels and U.S. Navy ships met at Palmerola air base.";
    private const string BodyC = "The army said soldiers were ambushed.";

    private static readonly Dictionary<string, Entity> Entities = new[]
    {
        new Entity(EntityKind.Force, "ir-armed-forces", "Iranian armed forces") { Country = "IR", Category = "national" },
        new Entity(EntityKind.Force, "iq-armed-forces", "Iraqi armed forces") { Country = "IQ", Category = "national" },
        new Entity(EntityKind.Force, "ph-armed-forces", "Philippine armed forces") { Country = "PH", Category = "national" },
        new Entity(EntityKind.Force, "nato", "North Atlantic Treaty Organization") { Category = "alliance", Aliases = ["NATO"] },
        new Entity(EntityKind.Force, "us-navy", "United States Navy") { Country = "US", Category = "national-branch", Aliases = ["U.S. Navy"] },
        new Entity(EntityKind.Base, "palmerola", "Palmerola Air Base") { Country = "HN" },
        new Entity(EntityKind.Base, "soto-cano", "Soto Cano Air Base") { Country = "HN" },
    }.ToDictionary(e => e.Id);

    private static ForceEvaluation.Scorer ScoreHandMadeSet()
    {
        var scorer = new ForceEvaluation.Scorer((kind, id) => Entities.TryGetValue(id, out var e) && e.Kind == kind ? e : null);
        var a = ForceEvaluation.ParseLabels("""
            {"id":"a","forces":[
              {"name":"Iranian armed forces","country":"IR","category":"national","surface":["Iranian forces"]},
              {"name":"Islamic Revolutionary Guard Corps","country":"IR","category":"national-branch","parent":"Iranian armed forces","surface":["Revolutionary Guards"]},
              {"name":"Iraqi armed forces","country":"IQ","category":"national","surface":["Iraqi troops"]}],"bases":[]}
            """.ReplaceLineEndings(" "));
        scorer.Add(a, TitleA, null, BodyA,
        [
            Mention(EntityKind.Force, "iq-armed-forces", TitleA, "Iraqi troops", ArticleField.Title),
            Mention(EntityKind.Force, "ir-armed-forces", BodyA, "Iranian forces"),
            Mention(EntityKind.Force, "nato", BodyA, "NATO"),
        ]);
        var b = ForceEvaluation.ParseLabels("""
            {"id":"b","forces":[
              {"name":"Contras","country":"NI","category":"rebel","surface":["Contra rebels"]},
              {"name":"United States Navy","country":"US","category":"national-branch","surface":["U.S. Navy"]}],
             "bases":[{"name":"Palmerola Air Base","country":"HN","surface":["Palmerola air base"]}]}
            """.ReplaceLineEndings(" "));
        scorer.Add(b, "Meeting", null, BodyB,
        [
            Mention(EntityKind.Force, "us-navy", BodyB, "U.S. Navy"),
            Mention(EntityKind.Base, "palmerola", BodyB, "Palmerola air base"),
            Mention(EntityKind.Base, "soto-cano", BodyB, "Palmerola"),
        ]);
        var c = ForceEvaluation.ParseLabels("""{"id":"c","forces":[{"name":"Philippine armed forces","country":"PH","category":"national","surface":[],"implicit":true}]}""");
        scorer.Add(c, "Ambush", "MANILA", BodyC, [new EntityMention(EntityKind.Force, "ph-armed-forces", "army", 4, 8)]);
        return scorer;
    }

    private static EntityMention Mention(EntityKind kind, string id, string text, string surface, ArticleField field = ArticleField.Body)
    {
        var start = text.IndexOf(surface, StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), surface);
        return new EntityMention(kind, id, surface, start, start + surface.Length, field);
    }

    [Test]
    public void Forces_ArticleLevel_MatchesByNameOrNationalCountry()
    {
        var forces = ScoreHandMadeSet().Forces;
        // Predicted 5 forces: a {iq, ir, nato}, b {us-navy}, c {ph}; only nato matches no label (ph matches an implicit one).
        Assert.That((forces.TruePredicted, forces.FalsePredicted), Is.EqualTo((4, 1)));
        // Explicit labels 5: IR, IRGC (found through the Iranian national force), IQ, Contras (missed), US Navy.
        Assert.That((forces.FoundLabels, forces.Labels), Is.EqualTo((4, 5)));
        Assert.That(forces.Precision, Is.EqualTo(0.8));
        Assert.That(forces.Recall, Is.EqualTo(0.8));
        Assert.That(forces.F1, Is.EqualTo(0.8).Within(1e-12));
    }

    [Test]
    public void NationalForces_AndImplicitLabels_AreCountedApart()
    {
        var scorer = ScoreHandMadeSet();
        Assert.That((scorer.NationalForces.TruePredicted, scorer.NationalForces.FalsePredicted), Is.EqualTo((4, 0)));
        Assert.That((scorer.NationalForces.FoundLabels, scorer.NationalForces.Labels), Is.EqualTo((4, 4)));
        Assert.That(scorer.Implicit, Is.EqualTo((1, 1)));
        Assert.That(scorer.RecallByCategory["rebel"], Is.EqualTo((0, 1)));
        Assert.That(scorer.RecallByCategory["national"], Is.EqualTo((2, 2)));
        Assert.That(scorer.RecallByCategory["national-branch"], Is.EqualTo((2, 2)));
        Assert.That(scorer.MissedForces, Is.EquivalentTo(new Dictionary<string, int> { ["Contras (NI)"] = 1 }));
        Assert.That(scorer.FalseForces, Is.EquivalentTo(new Dictionary<string, int> { ["nato (North Atlantic Treaty Organization)"] = 1 }));
    }

    [Test]
    public void Surfaces_AreCoveredByOverlappingForceMentions()
    {
        var scorer = ScoreHandMadeSet();
        // Occurrences: "Iranian forces" (hit), "Revolutionary Guards" (miss), "Iraqi troops" in the title (hit) and the
        // body (miss), "Contra rebels" (miss), "U.S. Navy" (hit): 3 of 6.
        Assert.That(scorer.ForceSurfaceOccurrences, Is.EqualTo((3, 6)));
        // Strings per article: a 2 of 3 (Iraqi troops has one covered occurrence), b 1 of 2.
        Assert.That(scorer.ForceSurfaceStrings, Is.EqualTo((3, 5)));
        // National ones: all but "Contra rebels": 3 of 5.
        Assert.That(scorer.NationalSurfaceOccurrences, Is.EqualTo((3, 5)));
        Assert.That(scorer.MissedSurfaces.Keys, Is.EquivalentTo(new[] { "Revolutionary Guards", "Contra rebels" }));
        Assert.That(scorer.SurfacesNotInText, Is.Zero);
    }

    [Test]
    public void Bases_AreMatchedByName()
    {
        var scorer = ScoreHandMadeSet();
        Assert.That((scorer.Bases.TruePredicted, scorer.Bases.FalsePredicted), Is.EqualTo((1, 1)));
        Assert.That((scorer.Bases.FoundLabels, scorer.Bases.Labels), Is.EqualTo((1, 1)));
        Assert.That(scorer.Bases.Precision, Is.EqualTo(0.5));
        Assert.That(scorer.BaseSurfaceOccurrences, Is.EqualTo((1, 1)));
        Assert.That(scorer.FalseBases.Keys, Is.EquivalentTo(new[] { "soto-cano (Soto Cano Air Base)" }));
    }

    [Test]
    public void Occurrences_InsideALongerSurface_CountOnce()
    {
        var scorer = new ForceEvaluation.Scorer((_, _) => null);
        const string body = "The contras and contra rebels fought.";
        var labels = ForceEvaluation.ParseLabels("""{"id":"x","forces":[{"name":"Contras","country":"NI","category":"rebel","surface":["contras","contra rebels","contra"]}]}""");
        scorer.Add(labels, "T", null, body, [Mention(EntityKind.Force, "contras", body, "contras")]);
        // "contra" occurs only inside "contra rebels" (word-bounded search skips "contras"): two occurrences, one covered.
        Assert.That(scorer.ForceSurfaceOccurrences, Is.EqualTo((1, 2)));
        // An id the lookup does not know is judged by the id as its name: "contras" equals a surface.
        Assert.That((scorer.Forces.TruePredicted, scorer.Forces.FalsePredicted), Is.EqualTo((1, 0)));
    }

    [TestCase("U.S. Navy", "us navy")]
    [TestCase("the Revolutionary Guards", "revolutionary guards")]
    [TestCase("Forces Armées Nationales Tchadiennes", "forces armees nationales tchadiennes")]
    [TestCase("Iran's forces", "irans forces")]
    [TestCase("Khmer-Rouge", "khmer rouge")]
    public void Normalize_IgnoresCaseDiacriticsAndPunctuation(string name, string expected) =>
        Assert.That(ForceEvaluation.Normalize(name), Is.EqualTo(expected));

    [Test]
    public void ReadLabels_BadLine_NamesFileAndLine()
    {
        var path = Path.Combine(TestPaths.NewTempDirectory(), "labels.jsonl");
        File.WriteAllLines(path, ["""{"id":"a","forces":[]}""", """{"id":"b","forces":[{"name":"X","category":"rebel","surface":[]}]}"""]);
        var error = Assert.Throws<InvalidDataException>(() => ForceEvaluation.ReadLabels(path));
        Assert.That(error!.Message, Does.Contain("labels.jsonl:2").And.Contain("no surface"));
    }

    [Test]
    public void CommittedLabels_AreWellFormed()
    {
        var path = Path.Combine(TestPaths.RepositoryRoot, "tests", "devsets", "forces-dev.labels.jsonl");
        var labels = ForceEvaluation.ReadLabels(path);
        Assert.That(labels, Has.Count.GreaterThanOrEqualTo(20));
        var categories = new[] { "national", "national-branch", "police", "paramilitary", "rebel", "jihadist", "militia", "pmc", "mission", "alliance", "other" };
        Assert.That(labels.SelectMany(l => l.Forces).Select(f => f.Category), Is.All.AnyOf(categories));
        Assert.That(labels.SelectMany(l => l.Forces).Where(f => f.IsNational).Select(f => f.Country), Is.All.Match("^[A-Z]{2}$"));
    }

    [Test]
    public void RunProbe_ScoresLabelsAgainstTheTextsBesideThem()
    {
        var directory = TestPaths.NewTempDirectory();
        File.WriteAllLines(Path.Combine(directory, "countries-probe-x.jsonl"),
        [
            """{"id": "1", "kind": "conflict", "text": "Russian missiles struck Dnipro overnight.", "countries": ["RU", "UA"]}""",
            """{"id": "2", "kind": "general", "text": "India bought Russian missiles.", "countries": ["IN", "RU"]}""",
        ]);
        var labels = Path.Combine(directory, "forces-probe-x.labels.jsonl");
        File.WriteAllLines(labels,
        [
            """{"id": "x-1", "forces": [{"name": "Russian Armed Forces", "country": "RU", "category": "national", "surface": ["Russian missiles"]}], "bases": []}""",
            """{"id": "x-2", "forces": [], "bases": []}""",
            """{"id": "x-3", "forces": [], "bases": []}""",
        ]);

        var result = ForceEvaluation.RunProbe(labels, EntityCatalog.Default);

        Assert.That(result.Articles, Is.EqualTo(2));
        Assert.That(result.Missing, Is.EqualTo(new[] { "x-3" }), "a label whose text is missing is reported, not scored");
        Assert.That(result.Scorer.Forces.F1, Is.EqualTo(1.0), result.Scorer.Forces.ToString());
    }

    [Test]
    public void RunProbe_BadFileName_IsRefused() =>
        Assert.Throws<ArgumentException>(() => ForceEvaluation.RunProbe(Path.Combine(TestPaths.NewTempDirectory(), "labels.jsonl"), EntityCatalog.Default));

    /// <summary>A regression guard on the committed forces probe sets (figures in benchmarks/results/EntityTaggingBenchmarks.md).</summary>
    [TestCase("forces-probe-dev.labels.jsonl", 0.96)]
    [TestCase("forces-probe-check.labels.jsonl", 0.90)]
    [TestCase("forces-probe-notes.labels.jsonl", 0.91)]
    [TestCase("forces-probe-events.labels.jsonl", 0.92)]
    [TestCase("forces-probe-world.labels.jsonl", 0.88)]
    [TestCase("forces-probe-fresh.labels.jsonl", 0.90)]
    public void TheCommittedForceProbeSets_StayAboveTheirFloor(string file, double floor)
    {
        var result = ForceEvaluation.RunProbe(Path.Combine(TestPaths.RepositoryRoot, "tests", "devsets", file), EntityCatalog.Default);
        Assert.That(result.Missing, Is.Empty);
        Assert.That(result.Scorer.Forces.F1, Is.GreaterThanOrEqualTo(floor), result.Scorer.Forces.ToString());
    }
}
