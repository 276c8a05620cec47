using NewsIndex.Entities;
using NewsIndex.Indexing;
using NewsIndex.Mapping;
using NewsIndex.Ingestion;
using NewsIndex.Querying;
using NewsIndex.Results;

namespace NewsIndex.Tests.Indexing;

/// <summary>Queries over the five real seed articles, with the ids a careful reader expects.</summary>
public class SeedSearchTests
{
    private const string A000 = "000_9445bf836e478527";
    private const string A001 = "001_9bfef9eb424d2f29";
    private const string A002 = "002_d48960e01ca7ab3f";
    private const string A003 = "003_8446d4a6d8f890ab";
    private const string A004 = "004_66acf2913ab27397";
    private static readonly string[] AllSeeds = [A000, A001, A002, A003, A004];

    private ArticleIndex _index = null!;

    [OneTimeSetUp]
    public void IndexSeeds()
    {
        _index = ArticleIndex.CreateInMemory();
        _index.IndexAll(SeedCorpus.Articles);
        _index.Commit();
    }

    [OneTimeTearDown]
    public void Close() => _index.Dispose();

    private string[] Ids(string query, SearchOptions? options = null) =>
        _index.Search(query, (options ?? SearchOptions.Default) with { Size = 100 }).Hits.Select(h => h.Id).Order(StringComparer.Ordinal).ToArray();

    private string[] Ids(NewsQuery query) =>
        _index.Search(query, new SearchOptions { Size = 100 }).Hits.Select(h => h.Id).Order(StringComparer.Ordinal).ToArray();

    [TestCase("base:\"Air Base 101\"", new[] { A000, A001, A002, A003, A004 })]
    [TestCase("base:\"BA 101\"", new[] { A000, A001, A002, A003, A004 })]
    [TestCase("base:\"Air Base 201\"", new[] { A000, A001, A003, A004 })]
    [TestCase("country:Nigeria", new[] { A003 })]
    [TestCase("country:NG", new[] { A003 })]
    [TestCase("country:Chad", new[] { A000, A001, A002 })]
    [TestCase("country:Iran", new[] { A002 })]
    [TestCase("country:Guinea", new[] { A000 })]
    [TestCase("force:Wagner", new[] { A000, A004 })]
    [TestCase("force:\"Russian troops\"", new[] { A000, A001, A002, A003, A004 })]
    [TestCase("force:\"French troops\"", new[] { A000, A004 })]
    [TestCase("force:AFRICOM", new[] { A001, A002, A004 })]
    [TestCase("force:\"Boko Haram\" OR force:ISWAP", new[] { A003 })]
    [TestCase("force:\"Islamic State\"", new[] { A000, A001 })]
    [TestCase("country:Mali -force:Wagner", new[] { A001, A003 })]
    [TestCase("source:bbc", new[] { A001 })]
    [TestCase("published:[2024-01-01 TO 2024-12-31]", new[] { A000 })]
    [TestCase("published:[2024-05-04 TO *]", new string[0])]
    [TestCase("\"Diori Hamani\"", new[] { A002 })]
    [TestCase("hangar", new[] { A002, A004 })]
    [TestCase("\"separate hangar\"", new[] { A002, A004 })]
    [TestCase("\"russian president\"~1", new[] { A003 })]
    [TestCase("title:wagner", new string[0])]
    [TestCase("uranium", new[] { A002 })]
    [TestCase("drone*", new[] { A000, A001, A003, A004 })]
    [TestCase("nigerein~1", new[] { A002, A003 })]
    [TestCase("near:Niamey/20km", new[] { A000, A001, A002, A003, A004 })]
    [TestCase("near:Agadez/20km", new[] { A000, A001, A003, A004 })]
    [TestCase("located:Niger", new[] { A000, A001, A002, A003, A004 })]
    [TestCase("located:Djibouti", new string[0])]
    [TestCase("about:NG", new string[0])]
    public void Search_ReturnsTheArticlesAReaderExpects(string query, string[] expected) =>
        Assert.That(Ids(query), Is.EqualTo(expected));

    [Test]
    public void AffiliatedWithRussia_IncludesArticlesThatNameOnlyWagner()
    {
        var wagnerOnly = new Article("wagner-only", "Mercenaries in the Sahel", "Wagner fighters were seen in Mali.");
        using var index = ArticleIndex.CreateInMemory();
        index.Upsert(wagnerOnly);
        index.Upsert(new Article("other", "Farm prices", "Wheat prices rose in Mali."));
        Assert.That(index.Search(Q.AffiliatedWith("Russia")).Hits.Select(h => h.Id), Is.EqualTo(new[] { "wagner-only" }));
        Assert.That(index.Search(Q.Country("Russia")).Total, Is.Zero, "Wagner is tied to Russia, not a mention of it");
        Assert.That(Ids(Q.AffiliatedWith("RU")), Is.EqualTo(AllSeeds));
    }

    [Test]
    public void Near_FindsAirBase101ButNotAirBase201()
    {
        var results = _index.Search(Q.Near("Niamey", 20) & Q.Base("ne-air-base-201"), new SearchOptions { Size = 10 });
        Assert.That(results.Hits.SelectMany(h => h.Why).Where(w => w.Clause.StartsWith("near:", StringComparison.Ordinal)).Select(w => w.EntityId).Distinct(), Is.EqualTo(new[] { "ne-air-base-101" }));
        using var single = ArticleIndex.CreateInMemory();
        single.Upsert(new Article("agadez", "Drones", "US drones fly from Air Base 201 in Agadez, Niger."));
        Assert.That(single.Search("near:Niamey/20km").Total, Is.Zero, "Air Base 201 is about 740 km from Niamey");
        Assert.That(single.Search("near:Niamey/800km").Total, Is.EqualTo(1));
    }

    [Test]
    public void About_RanksAboveMentions()
    {
        using var index = ArticleIndex.CreateInMemory();
        index.Upsert(new Article("passing", "Wheat harvest in Australia", "Australia harvested wheat. Farmers in Australia were pleased; a buyer from Chad called."));
        index.Upsert(new Article("about", "Chad expels French troops", "N'DJAMENA — Chad told French troops to leave Chad by January."));
        var results = index.Search(Q.Country("Chad"));
        Assert.That(results.Hits.Select(h => h.Id), Is.EqualTo(new[] { "about", "passing" }));
        Assert.That(index.Search(Q.Country("Chad", EntityScope.About)).Hits.Select(h => h.Id), Is.EqualTo(new[] { "about" }));
    }

    [Test]
    public void Facets_CountAllMatches_AndEqualTheMatchingIds()
    {
        var results = _index.Search("country:Mali", new SearchOptions { Size = 1, Facets = Enum.GetValues<FacetField>() });
        var all = _index.Search("country:Mali", new SearchOptions { Size = 100 });
        Assert.That(results.Total, Is.EqualTo(4));
        Assert.That(results.Hits, Has.Count.EqualTo(1), "the page is one hit; facets still count all four");
        foreach (var (field, counts) in results.Facets.Where(f => f.Key is FacetField.Country or FacetField.Force or FacetField.Base))
        {
            foreach (var count in counts)
            {
                var expected = all.Hits.Count(h => field switch
                {
                    FacetField.Country => h.Mentioned.Countries.Contains(count.Value),
                    FacetField.Force => h.Mentioned.Forces.Contains(count.Value),
                    _ => h.Mentioned.Bases.Contains(count.Value),
                });
                Assert.That(count.Count, Is.EqualTo(expected), $"{field} {count.Value}");
            }
        }

        Assert.That(results.Facets[FacetField.Country].Take(3).Select(c => c.Value), Is.EqualTo(new[] { "BF", "ML", "NE" }));
        Assert.That(results.Facets[FacetField.Month], Is.EqualTo(new[] { new FacetCount("2024-05", 1) }));
        Assert.That(results.Facets[FacetField.Source], Is.EqualTo(new[] { new FacetCount("BBC", 1) }));
    }

    [Test]
    public void Snippets_MarkQueryTermsAndEntities_AtExactOffsets()
    {
        var results = _index.Search("country:Nigeria jihadists", new SearchOptions { SnippetCount = 3 });
        var hit = results.Hits.Single();
        var body = _index.Get(hit.Id)!.Article.Body;
        Assert.That(hit.Snippets, Is.Not.Empty);
        foreach (var snippet in hit.Snippets)
        {
            Assert.That(body.IndexOf(snippet.Text, StringComparison.Ordinal), Is.EqualTo(snippet.BodyOffset), "the offset is where the snippet's text is in the body");
            foreach (var mark in snippet.Marks)
            {
                var marked = snippet.Text.Substring(mark.Start, mark.Length);
                Assert.That(marked, mark.Kind == MarkKind.Entity ? Is.EqualTo("Nigeria") : Is.EqualTo("jihadists"));
            }
        }

        Assert.That(hit.Snippets.SelectMany(s => s.Marks).Select(m => m.Kind).Distinct(), Is.EquivalentTo(new[] { MarkKind.Term, MarkKind.Entity }));
        Assert.That(string.Join(" ", hit.Snippets.Select(s => s.Render("<", ">"))), Does.Contain("<Nigeria>").And.Contain("<jihadists>"));
    }

    [Test]
    public void LocatedIn_MarksOnlyBasesInThatCountry_NotBasesWhoseIdSharesThePrefix()
    {
        using var index = ArticleIndex.CreateInMemory();
        index.Upsert(new Article("raf", "Jets redeploy", "US jets left RAF Lakenheath for RAF Akrotiri in Cyprus."));
        var hit = index.Search(Q.LocatedIn("United Kingdom")).Hits.Single();
        var marked = hit.Snippets.SelectMany(s => s.Marks.Where(m => m.Kind == MarkKind.Entity).Select(m => s.Text.Substring(m.Start, m.Length)));
        Assert.That(marked, Is.EqualTo(new[] { "RAF Lakenheath" }), "gb-akrotiri is hosted in Cyprus");
        Assert.That(hit.Why.Select(w => w.Text), Is.EqualTo(new[] { "RAF Lakenheath" }));
    }

    [Test]
    public void Why_SaysWhichAliasMatchedWhichEntityAndWhere()
    {
        var hit = _index.Search("base:\"Air Base 101\"", new SearchOptions { Size = 10 }).Hits.Single(h => h.Id == A002);
        Assert.That(hit.Why.Select(w => (w.EntityId, w.Text)), Is.EqualTo(new[]
        {
            ("ne-air-base-101", "Airbase 101"), ("ne-air-base-101", "Diori Hamani International Airport"), ("ne-air-base-101", "Airbase 101"),
        }));
        var body = _index.Get(A002)!.Article.Body;
        var first = body.IndexOf("Airbase 101", StringComparison.Ordinal);
        var airport = body.IndexOf("Diori Hamani International Airport", StringComparison.Ordinal);
        var second = body.IndexOf("Airbase 101", airport, StringComparison.Ordinal);
        Assert.That(hit.Why.Select(w => w.Start), Is.EqualTo(new[] { first, airport, second }), "offsets found by searching the body, not by the tagger");
    }

    [Test]
    public void SortByDate_PutsDatedArticlesFirst()
    {
        var hits = _index.Search("country:NE", new SearchOptions { Sort = SortOrder.Date, Size = 5 }).Hits;
        Assert.That(hits[0].Id, Is.EqualTo(A000));
        Assert.That(hits.Skip(1).All(h => h.Published is null), Is.True);
    }

    [TestCase(SortOrder.Relevance)]
    [TestCase(SortOrder.Date)]
    public void Cursor_PagesThroughEveryMatchOnce(SortOrder sort)
    {
        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = _index.Search("country:US", new SearchOptions { Size = 2, Sort = sort, Cursor = cursor, Snippets = false });
            seen.AddRange(page.Hits.Select(h => h.Id));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null && pages < 10);

        Assert.That(pages, Is.EqualTo(3));
        Assert.That(seen.Order(StringComparer.Ordinal), Is.EqualTo(AllSeeds));
    }

    [Test]
    public void Related_FindsOtherReportsOfTheSameEvent()
    {
        var related = _index.Related(A002, 4);
        Assert.That(related.Select(h => h.Id), Is.EquivalentTo(new[] { A000, A001, A003, A004 }));
        Assert.That(_index.Related("nope"), Is.Empty);
    }

    [Test]
    public void BadQueries_GiveTypedErrors()
    {
        Assert.That(() => _index.Search("country:Atlantis"), Throws.InstanceOf<QuerySyntaxException>().With.Property("Position").EqualTo(8));
        Assert.That(() => _index.Search(Q.Country("Atlantis")), Throws.InstanceOf<UnknownEntityException>());
        NewsQuery deep = Q.Text("niger");
        for (var i = 0; i < 100_000; i++)
        {
            deep = new NotClause(deep);
        }

        Assert.That(() => _index.Search(deep), Throws.InstanceOf<QueryTooComplexException>());
        Assert.That(() => _index.Search("niger", new SearchOptions { Cursor = "garbage!" }), Throws.InstanceOf<ArgumentException>().With.Message.Contains("invalid paging cursor"));
    }
}
