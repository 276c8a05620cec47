using NewsIndex.Querying;
using NewsIndex.Results;
using static NewsIndex.Tests.ArticleBuilder;

namespace NewsIndex.Tests.Querying;

/// <summary>Queries that include a force's members and lineage, in the typed API and the syntax, with "why" naming
/// the relation that matched.</summary>
public class ForceRelationQueryTests
{
    private ArticleIndex _index = null!;

    [OneTimeSetUp]
    public void Build()
    {
        _index = ArticleIndex.CreateInMemory();
        _index.Upsert(Article("katiba", "Fighters of Katiba Macina attacked an army post near Mopti."));
        _index.Upsert(Article("jnim", "JNIM claimed the ambush on the Niono road."));
        _index.Upsert(Article("wagner", "Wagner Group contractors arrived in Bangui in 2018."));
        _index.Upsert(Article("africa-corps", "Africa Corps instructors landed in Niamey."));
        _index.Upsert(Article("other", "Boko Haram raided a village in Borno."));
        _index.Commit();
    }

    [OneTimeTearDown]
    public void Close() => _index.Dispose();

    private string[] Ids(NewsQuery query) =>
        _index.Search(query, new SearchOptions { Size = 100 }).Hits.Select(h => h.Id).Order(StringComparer.Ordinal).ToArray();

    [Test]
    public void Members_FindAnArticleThatNamesOnlyAMemberKatiba()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Ids(Q.Force("JNIM")), Is.EqualTo(new[] { "jnim" }));
            Assert.That(Ids(Q.Force("JNIM", include: ForceRelations.Members)), Is.EqualTo(new[] { "jnim", "katiba" }));
            Assert.That(Ids(NewsQuery.Parse("force:JNIM/members")), Is.EqualTo(new[] { "jnim", "katiba" }));
        });
    }

    [Test]
    public void Lineage_FindsPredecessorsAndSuccessors()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Ids(Q.Force("Africa Corps")), Is.EqualTo(new[] { "africa-corps" }));
            Assert.That(Ids(Q.Force("Africa Corps", include: ForceRelations.Predecessors)), Is.EqualTo(new[] { "africa-corps", "wagner" }));
            Assert.That(Ids(Q.Force("Wagner", include: ForceRelations.Successors)), Is.EqualTo(new[] { "africa-corps", "wagner" }));
            Assert.That(Ids(NewsQuery.Parse("force:Wagner/lineage")), Is.EqualTo(new[] { "africa-corps", "wagner" }));
            Assert.That(Ids(NewsQuery.Parse("force:JNIM/predecessors")), Is.EqualTo(new[] { "jnim", "katiba" }), "Katiba Macina merged into JNIM in 2017");
        });
    }

    [Test]
    public void Why_SaysWhichRelationMatched()
    {
        var hit = _index.Search("force:JNIM/members").Hits.Single(h => h.Id == "katiba");
        Assert.That(hit.Why.Select(w => (w.Clause, w.Text)), Is.EqualTo(new[] { ("force:JNIM/members (member)", "Katiba Macina") }));
        var direct = _index.Search("force:JNIM/members").Hits.Single(h => h.Id == "jnim");
        Assert.That(direct.Why.Select(w => w.Clause), Is.EqualTo(new[] { "force:JNIM/members" }));
    }

    [TestCase("force:JNIM/members", ForceRelations.Members)]
    [TestCase("force:JNIM/lineage", ForceRelations.Lineage)]
    [TestCase("force:JNIM/members+predecessors", ForceRelations.Members | ForceRelations.Predecessors)]
    [TestCase("about:force:JNIM/members", ForceRelations.Members)]
    public void Syntax_RoundTrips(string text, ForceRelations include)
    {
        var parsed = NewsQuery.Parse(text);
        Assert.That(parsed, Is.InstanceOf<EntityClause>().With.Property(nameof(EntityClause.Include)).EqualTo(include));
        Assert.That(NewsQuery.Parse(parsed.ToString()), Is.EqualTo(parsed));
    }

    [TestCase("country:NE/members", 10)]
    [TestCase("force:JNIM/friends", 11)]
    [TestCase("force:JNIM/", 11)]
    public void BadRelations_AreRefusedWithAPosition(string text, int position)
    {
        var ex = Assert.Throws<QuerySyntaxException>(() => NewsQuery.Parse(text));
        Assert.That(ex!.Position, Is.EqualTo(position));
    }

    [Test]
    public void OnlyForcesHaveRelations_InTheTypedApi() =>
        Assert.That(() => new EntityClause(NewsIndex.Entities.EntityKind.Country, "NE", EntityScope.Mentions, ForceRelations.Members), Throws.ArgumentException);
}
