using NewsIndex.Querying;
using NewsIndex.Results;
using static NewsIndex.Tests.ArticleBuilder;

namespace NewsIndex.Tests.Searching;

/// <summary>A clause that analyses to no terms (only stop words) is neutral: dropped from AND and OR, NOT of it is
/// neutral, and a query neutral as a whole matches nothing and says so. Same rule for the typed API and the syntax.</summary>
public class NeutralClauseTests
{
    private ArticleIndex _index = null!;

    [OneTimeSetUp]
    public void Build()
    {
        _index = ArticleIndex.CreateInMemory();
        _index.Upsert(Article("u1", "Inspectors found enriched uranium at the site."));
        _index.Upsert(Article("u2", "The uranium shipment left the port."));
        _index.Upsert(Article("o1", "Troops moved north of the river."));
        _index.Upsert(Article("o2", "A convoy of trucks reached the base."));
        _index.Commit();
    }

    [OneTimeTearDown]
    public void Close() => _index.Dispose();

    private string[] Ids(string query) => Ids(_index.Search(query, new SearchOptions { Size = 100 }));

    private string[] Ids(NewsQuery query) => Ids(_index.Search(query, new SearchOptions { Size = 100 }));

    private static string[] Ids(SearchResults results) => results.Hits.Select(h => h.Id).Order(StringComparer.Ordinal).ToArray();

    [TestCase("uranium OR of")]
    [TestCase("of OR uranium")]
    [TestCase("uranium -the")]
    [TestCase("uranium NOT of")]
    [TestCase("uranium AND (the OR of)")]
    [TestCase("uranium (of OR the OR a)")]
    [TestCase("uranium -(the OR of)")]
    public void StopWordClauses_DoNotChangeTheMeaning(string query) =>
        Assert.That(Ids(query), Is.EqualTo(new[] { "u1", "u2" }));

    [TestCase("the")]
    [TestCase("the OR of")]
    [TestCase("-the")]
    [TestCase("NOT (of AND the)")]
    [TestCase("\"of the\"")]
    public void NeutralQuery_MatchesNothing_AndSaysSo(string query)
    {
        var results = _index.Search(query);
        Assert.Multiple(() =>
        {
            Assert.That(results.Total, Is.Zero);
            Assert.That(results.Hits, Is.Empty);
            Assert.That(results.IsNeutral, Is.True);
        });
    }

    [Test]
    public void TypedApi_FollowsTheSameRule()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Ids(Q.Text("uranium") | Q.Text("of")), Is.EqualTo(new[] { "u1", "u2" }));
            Assert.That(Ids(Q.Text("uranium") & !Q.Text("the")), Is.EqualTo(new[] { "u1", "u2" }));
            Assert.That(Ids(Q.Text("uranium") & !Q.Phrase("of the")), Is.EqualTo(new[] { "u1", "u2" }));
            Assert.That(_index.Search(Q.Text("the") | !Q.Text("of")).IsNeutral, Is.True);
            Assert.That(_index.Search(Q.Text("the").Boost(3)).Total, Is.Zero);
        });
    }

    [Test]
    public void MatchAll_IsNotNeutral()
    {
        var all = _index.Search(Q.All, new SearchOptions { Size = 100 });
        Assert.Multiple(() =>
        {
            Assert.That(all.Total, Is.EqualTo(4));
            Assert.That(all.IsNeutral, Is.False);
            Assert.That(Ids("* -uranium"), Is.EqualTo(new[] { "o1", "o2" }));
            Assert.That(Ids("* -the"), Is.EqualTo(new[] { "o1", "o2", "u1", "u2" }), "a neutral exclusion excludes nothing");
        });
    }

    [Test]
    public void ANonNeutralQuery_IsNotFlagged() => Assert.That(_index.Search("uranium").IsNeutral, Is.False);
}
