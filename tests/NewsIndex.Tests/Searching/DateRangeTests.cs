using NewsIndex.Querying;
using NewsIndex.Results;
using static NewsIndex.Tests.ArticleBuilder;

namespace NewsIndex.Tests.Searching;

/// <summary>A partial date names a period: the lower bound is its first day, the upper bound its last.</summary>
public class DateRangeTests
{
    private ArticleIndex _index = null!;

    [OneTimeSetUp]
    public void Build()
    {
        _index = ArticleIndex.CreateInMemory();
        _index.Upsert(Article("feb28", "Tanker hit in the Gulf.", published: Day(1987, 2, 28)));
        _index.Upsert(Article("mar01", "Tanker hit in the Gulf.", published: Day(1987, 3, 1)));
        _index.Upsert(Article("mar15", "Tanker hit in the Gulf.", published: Day(1987, 3, 15)));
        _index.Upsert(Article("mar31", "Tanker hit in the Gulf.", published: new DateTimeOffset(1987, 3, 31, 23, 59, 0, TimeSpan.Zero)));
        _index.Upsert(Article("apr01", "Tanker hit in the Gulf.", published: Day(1987, 4, 1)));
        _index.Upsert(Article("dec31", "Tanker hit in the Gulf.", published: Day(1987, 12, 31)));
        _index.Upsert(Article("jan88", "Tanker hit in the Gulf.", published: Day(1988, 1, 1)));
        _index.Commit();
    }

    [OneTimeTearDown]
    public void Close() => _index.Dispose();

    private string[] Ids(string query) =>
        _index.Search(query, new SearchOptions { Size = 100 }).Hits.Select(h => h.Id).Order(StringComparer.Ordinal).ToArray();

    [TestCase("published:[1987-03 TO 1987-03]", new[] { "mar01", "mar15", "mar31" })]
    [TestCase("published:[1987-03-01 TO 1987-03]", new[] { "mar01", "mar15", "mar31" })]
    [TestCase("published:[1987-02 TO 1987-03]", new[] { "feb28", "mar01", "mar15", "mar31" })]
    [TestCase("published:[* TO 1987-03]", new[] { "feb28", "mar01", "mar15", "mar31" })]
    [TestCase("published:[1987-03 TO *]", new[] { "apr01", "dec31", "jan88", "mar01", "mar15", "mar31" })]
    [TestCase("published:[1987 TO 1987]", new[] { "apr01", "dec31", "feb28", "mar01", "mar15", "mar31" })]
    [TestCase("published:[1987-12 TO 1988]", new[] { "dec31", "jan88" })]
    public void PartialUpperBounds_CoverTheWholePeriod(string query, string[] expected) =>
        Assert.That(Ids(query), Is.EqualTo(expected.Order(StringComparer.Ordinal).ToArray()));

    [Test]
    public void ParsedRange_EqualsTheTypedOne_AndPrintsDays()
    {
        var parsed = NewsQuery.Parse("published:[1987-02 TO 1987-02]");
        Assert.Multiple(() =>
        {
            Assert.That(parsed, Is.EqualTo(Q.Published(new DateOnly(1987, 2, 1), new DateOnly(1987, 2, 28))));
            Assert.That(NewsQuery.Parse("published:[1988-02 TO 1988-02]"), Is.EqualTo(Q.Published(new DateOnly(1988, 2, 1), new DateOnly(1988, 2, 29))), "leap year");
            Assert.That(NewsQuery.Parse(parsed.ToString()), Is.EqualTo(parsed));
        });
    }

    [Test]
    public void AMonthRangeOfOneMonth_IsNotEmptyOrReversed() =>
        Assert.That(() => NewsQuery.Parse("published:[1987-03 TO 1987-03-01]"), Throws.Nothing);
}
