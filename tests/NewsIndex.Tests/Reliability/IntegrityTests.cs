using NewsIndex.Indexing;
using static NewsIndex.Tests.ArticleBuilder;

namespace NewsIndex.Tests.Reliability;

/// <summary>Damaged bytes are reported, never served; a writer refuses a damaged index; repair keeps readable segments.</summary>
public class IntegrityTests
{
    private string _dir = null!;

    [SetUp]
    public void SetUp()
    {
        _dir = TestPaths.NewTempDirectory();
        // Two commits, two segments: "old" articles in the first, "new" ones in the second.
        using var index = ArticleIndex.Open(_dir);
        index.IndexAll(Enumerable.Range(0, 20).Select(i => Article($"old{i}", $"Niger report {i}.", title: $"Old {i}")));
        index.Commit();
        index.IndexAll(Enumerable.Range(0, 5).Select(i => Article($"new{i}", $"Mali report {i}.", title: $"New {i}")));
        index.Commit();
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    /// <summary>Flips one byte in the middle of the newest segment's compound file (its stored fields live there).</summary>
    private string Damage()
    {
        var segment = Directory.GetFiles(_dir, "*.cfs").OrderBy(File.GetLastWriteTimeUtc).ThenBy(f => f, StringComparer.Ordinal).Last();
        var bytes = File.ReadAllBytes(segment);
        bytes[bytes.Length / 2] ^= 0x5A;
        File.WriteAllBytes(segment, bytes);
        return Path.GetFileNameWithoutExtension(segment);
    }

    [Test]
    public void AFlippedByteAnywhere_OpensOrIsReportedDamaged_NeverAnotherError()
    {
        // Every 7th byte of the first segment's compound file, one at a time: whatever structure the byte belongs to
        // (headers, lengths, variable-length integers, checksummed data), opening for writing either works or throws
        // IndexCorruptException, the error that sends a user to verify and --repair.
        var segment = Directory.GetFiles(_dir, "*.cfs").OrderBy(f => f, StringComparer.Ordinal).First();
        var original = File.ReadAllBytes(segment);
        var outcomes = new Dictionary<string, int>();
        for (var at = 0; at < original.Length; at += 7)
        {
            var bytes = (byte[])original.Clone();
            bytes[at] ^= 0x5A;
            File.WriteAllBytes(segment, bytes);
            string outcome;
            try
            {
                using var index = ArticleIndex.Open(_dir);
                outcome = "opened";
            }
            catch (IndexCorruptException)
            {
                outcome = "damaged";
            }
            catch (Exception ex)
            {
                outcome = $"{ex.GetType().Name} at byte {at}: {ex.Message}";
            }

            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }

        File.WriteAllBytes(segment, original);
        TestContext.Out.WriteLine(string.Join("; ", outcomes.Select(o => $"{o.Key}: {o.Value}")));
        Assert.That(outcomes.Keys, Is.SubsetOf(new[] { "opened", "damaged" }));
        Assert.That(outcomes.GetValueOrDefault("damaged"), Is.GreaterThan(0));
    }

    [Test]
    public void Verify_HealthyIndex_IsHealthy()
    {
        var report = ArticleIndex.Verify(_dir);
        Assert.That(report.Healthy, Is.True, string.Join("; ", report.Problems));
        Assert.That(report.Articles, Is.EqualTo(25));
        Assert.That(report.Segments, Is.GreaterThanOrEqualTo(2));
        Assert.That(report.Problems, Is.Empty);
    }

    [Test]
    public void FlippedByte_IsFoundByVerify_RefusedByAWriter_AndRepairKeepsTheReadableSegment()
    {
        var damaged = Damage();

        var report = ArticleIndex.Verify(_dir);
        TestContext.Out.WriteLine(string.Join("\n", report.Problems));
        Assert.That(report.Healthy, Is.False);
        Assert.That(report.DamagedSegments, Is.EqualTo(1));
        Assert.That(report.Problems, Has.Some.Contains($"segment {damaged} is damaged"));

        var refused = Assert.Throws<IndexCorruptException>(() => ArticleIndex.Open(_dir))!;
        Assert.That(refused.Message, Does.Contain("--repair"));

        var repair = ArticleIndex.Repair(_dir);
        Assert.That(repair.Repaired, Is.True);
        Assert.That(repair.DroppedSegments, Is.EqualTo(new[] { damaged }));
        Assert.That(repair.ArticlesDropped + repair.ArticlesKept, Is.EqualTo(25));
        Assert.That(ArticleIndex.Verify(_dir).Healthy, Is.True);

        using var index = ArticleIndex.Open(_dir);
        Assert.That(index.Stats().Articles, Is.EqualTo(repair.ArticlesKept));
        index.Upsert(Article("again", "Chad."));
        index.Commit();
    }

    [Test]
    public void FlippedByte_IsNeverServedSilently_ToAReader()
    {
        Damage();
        try
        {
            using var reader = ArticleIndex.Open(_dir, new ArticleIndexOptions { ReadOnly = true });
            var texts = reader.All().Select(a => a.Article.Title).ToList();
            // Reading without a checksum pass may succeed only if the flipped byte sits outside what was decoded;
            // then every title must still be one that was written.
            Assert.That(texts, Has.All.Match(@"^(Old|New) \d+$"));
        }
        catch (IndexCorruptException ex)
        {
            Assert.That(ex.Message, Does.Contain("newsindex verify"));
        }
    }

    [Test]
    public void Repair_OfAHealthyIndex_ChangesNothing()
    {
        var repair = ArticleIndex.Repair(_dir);
        Assert.That(repair.Repaired, Is.False);
        Assert.That(repair.ArticlesKept, Is.EqualTo(25));
    }
}
