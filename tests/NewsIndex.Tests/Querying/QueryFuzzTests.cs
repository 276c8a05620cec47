using System.Text;
using NewsIndex.Entities;
using NewsIndex.Querying;
using NewsIndex.Results;

namespace NewsIndex.Tests.Querying;

/// <summary>Hostile and random query strings: each is either parsed (and then searchable) or refused with
/// <see cref="QuerySyntaxException"/> / <see cref="QueryTooComplexException"/>; nothing else escapes.</summary>
public class QueryFuzzTests
{
    private static readonly string[] Pieces =
    [
        "niger", "Niger", "uranium", "the", "of", "troops", "\"Russian troops\"", "\"air base\"~3", "wag*", "w*", "nigr~1", "nigr~",
        "country:NE", "country:Chad", "country:Atlantis", "force:Wagner", "force:\"Africa Corps\"", "base:\"Air Base 101\"", "base:ke-camp-x",
        "about:NE", "about:force:Wagner", "about:Nowhere", "source:BBC", "affiliated:Russia", "located:Niger", "near:Niamey/20km",
        "near:Niamey/0km", "near:Nowhere/5km", "published:[2024-01 TO 2024-05]", "published:[* TO 2024]", "published:[2024-13 TO *]",
        "title:convoy", "body:\"air base\"", "AND", "OR", "NOT", "-", "+", "!", "(", ")", "^2", "^", "~", "*", "?", ":", "\"", "[", "]",
        "{", "}", "/", "\\", "~99999999999", "^1e999", "^99999999999999999999", "/1e400km", "~2147483648", "published:[99999-01 TO *]",
        "日本語", "Ünïcödé", "\u0000", "\u001b[2J", "\ud800", "a\u0301", " ", "  ", "\t", "\n",
    ];

    [Test]
    public void HundredThousandGeneratedAndMutatedQueries_ParseOrFailTyped()
    {
        var seed = Environment.GetEnvironmentVariable("NEWSINDEX_FUZZ_SEED") is { } s ? int.Parse(s, System.Globalization.CultureInfo.InvariantCulture) : Environment.TickCount;
        TestContext.Out.WriteLine($"fuzz seed {seed} (rerun with NEWSINDEX_FUZZ_SEED={seed})");
        var rng = new Random(seed);
        var catalog = EntityCatalog.Default;
        using var index = ArticleIndex.CreateInMemory();
        index.IndexAll(NewsIndex.Ingestion.SeedCorpus.Articles);
        index.Commit();
        int parsed = 0, refused = 0, searched = 0;
        var slowest = TimeSpan.Zero;
        long mostAllocated = 0;
        var slowestQuery = string.Empty;
        for (var i = 0; i < 100_000; i++)
        {
            var query = i % 2 == 0 ? Generate(rng) : Mutate(Generate(rng), rng);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            NewsQuery? result = null;
            try
            {
                result = NewsQuery.Parse(query, catalog);
                parsed++;
            }
            catch (Exception ex) when (ex is QuerySyntaxException or QueryTooComplexException)
            {
                refused++;
            }
            catch (Exception ex)
            {
                Assert.Fail($"seed {seed}, query #{i} {Escape(query)}: {ex.GetType().Name}: {ex.Message}");
            }

            if (result is not null && i % 25 == 0)
            {
                try
                {
                    index.Search(result, new SearchOptions { Size = 3 });
                    searched++;
                }
                catch (QueryTooComplexException)
                {
                }
                catch (Exception ex)
                {
                    Assert.Fail($"seed {seed}, query #{i} {Escape(query)} parsed as {Escape(result.ToString())} but searching threw {ex.GetType().Name}: {ex.Message}");
                }

                Assert.That(NewsQuery.Parse(result.ToString(), catalog), Is.EqualTo(result), $"seed {seed}: {Escape(query)} does not round-trip");
            }

            var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            mostAllocated = Math.Max(mostAllocated, allocated);
            if (clock.Elapsed > slowest)
            {
                slowest = clock.Elapsed;
                slowestQuery = query;
            }
        }

        TestContext.Out.WriteLine($"slowest {slowest.TotalMilliseconds:F1} ms ({Escape(slowestQuery)}), most allocated by one query {mostAllocated / 1024:N0} KB");
        Assert.That(slowest, Is.LessThan(TimeSpan.FromSeconds(5)), $"every hostile query is answered or refused within 5 s: {Escape(slowestQuery)}");
        Assert.That(mostAllocated, Is.LessThan(64L << 20), "and with a bounded allocation");

        TestContext.Out.WriteLine($"{parsed:N0} parsed, {refused:N0} refused, {searched:N0} searched");
        Assert.That(parsed, Is.GreaterThan(10_000), "the generator must produce valid queries too");
        Assert.That(refused, Is.GreaterThan(10_000));
    }

    [TestCase("niger~99999999999")]
    [TestCase("niger~2147483648")]
    [TestCase("\"niger troops\"~99999999999")]
    [TestCase("niger^99999999999999999999999")]
    [TestCase("near:Niamey/1e400km")]
    [TestCase("near:Niamey/99999999999999999999km")]
    [TestCase("published:[99999-01 TO *]")]
    [TestCase("published:[2024-02-30 TO *]")]
    public void HostileNumbers_AreRefusedWithAPosition(string query)
    {
        var ex = Assert.Throws<QuerySyntaxException>(() => NewsQuery.Parse(query));
        Assert.That(ex!.Position, Is.InRange(0, query.Length));
    }

    [Test]
    public void AWordOfManyCjkCharacters_CountsAnalysedTerms_AndIsRefusedNotCrashed()
    {
        using var index = ArticleIndex.CreateInMemory();
        var words = $"{new string('中', 200)} {new string('国', 200)}"; // two words, 400 analysed terms
        Assert.Multiple(() =>
        {
            Assert.That(() => index.Search(words), Throws.InstanceOf<QueryTooComplexException>());
            Assert.That(() => index.Search(Q.Text(words)), Throws.InstanceOf<QueryTooComplexException>());
            Assert.That(() => index.Search(Q.Phrase(words)), Throws.InstanceOf<QueryTooComplexException>());
            Assert.That(() => index.Search(new string('中', 200)), Throws.Nothing, "200 terms are within the limit");
            Assert.That(() => index.Search(new string('中', 1025)), Throws.InstanceOf<QuerySyntaxException>().Or.InstanceOf<QueryTooComplexException>());
        });
    }

    [Test]
    public void WordsTheIndexCannotHold_AreRefused_NotSilentlyDropped()
    {
        var word = new string('x', 300);
        Assert.Multiple(() =>
        {
            Assert.That(() => NewsQuery.Parse($"niger {word}"), Throws.InstanceOf<QuerySyntaxException>().With.Property("Position").EqualTo(6));
            Assert.That(() => NewsQuery.Parse($"\"niger {word}\""), Throws.InstanceOf<QuerySyntaxException>());
            Assert.That(() => Q.Text(word), Throws.ArgumentException);
            Assert.That(() => Q.Phrase($"a {word}"), Throws.ArgumentException);
            Assert.That(() => NewsQuery.Parse(new string('x', 255)), Throws.Nothing);
        });
    }

    private static string Generate(Random rng)
    {
        var builder = new StringBuilder();
        var count = rng.Next(1, 8);
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                builder.Append(rng.Next(5) == 0 ? "" : " ");
            }

            builder.Append(Pieces[rng.Next(Pieces.Length)]);
        }

        if (rng.Next(20) == 0)
        {
            var depth = rng.Next(1, 80);
            return new string('(', depth) + builder + new string(')', rng.Next(depth + 2));
        }

        return builder.ToString();
    }

    private static string Mutate(string query, Random rng)
    {
        var chars = new StringBuilder(query);
        var edits = rng.Next(1, 4);
        for (var e = 0; e < edits; e++)
        {
            var at = chars.Length == 0 ? 0 : rng.Next(chars.Length);
            switch (rng.Next(4))
            {
                case 0 when chars.Length > 0:
                    chars.Remove(at, 1);
                    break;
                case 1:
                    chars.Insert(at, (char)rng.Next(0, 0x3000));
                    break;
                case 2:
                    chars.Insert(at, "()\"*~^:-[]{}\\/"[rng.Next(14)]);
                    break;
                default:
                    chars.Insert(at, rng.Next(10).ToString(System.Globalization.CultureInfo.InvariantCulture));
                    break;
            }
        }

        return chars.ToString();
    }

    private static string Escape(string text) =>
        string.Concat(text.Select(c => char.IsControl(c) || char.IsSurrogate(c) ? $"\\u{(int)c:x4}" : c.ToString()));
}
