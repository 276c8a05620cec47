using NewsIndex.Entities;
using NewsIndex.Querying;

namespace NewsIndex.Tests.Querying;

public class QuerySyntaxTests
{
    private static NewsQuery Parse(string text) => NewsQuery.Parse(text, EntityCatalog.Default);

    [Test]
    public void Parse_BuildsTheTypedQuery()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Parse("force:Wagner"), Is.EqualTo(Q.Force("Wagner")));
            Assert.That(Parse("country:TD airbase"), Is.EqualTo(Q.Country("TD") & Q.Text("airbase")));
            Assert.That(Parse("russian troops"), Is.EqualTo(Q.Text("russian troops")));
            Assert.That(Parse("force:\"Russian troops\" -country:Mali"), Is.EqualTo(Q.Force("Russian troops") & !Q.Country("Mali")));
            Assert.That(Parse("(country:NE OR country:ML) AND base:\"Air Base 201\""), Is.EqualTo((Q.Country("NE") | Q.Country("ML")) & Q.Base("Air Base 201")));
            Assert.That(Parse("NOT source:BBC"), Is.EqualTo(!Q.Source("BBC")));
            Assert.That(Parse("\"russian troops\"~3"), Is.EqualTo(Q.Phrase("russian troops", 3)));
            Assert.That(Parse("title:niger body:\"air base\""), Is.EqualTo(Q.Text("niger", TextScope.Title) & Q.Phrase("air base", 0, TextScope.Body)));
            Assert.That(Parse("published:[2024-01-01 TO 2024-12-31]"), Is.EqualTo(Q.Published(new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31))));
            Assert.That(Parse("published:[2024-05 TO *]"), Is.EqualTo(Q.Published(new DateOnly(2024, 5, 1), null)));
            Assert.That(Parse("about:NE"), Is.EqualTo(Q.Country("NE", EntityScope.About)));
            Assert.That(Parse("about:Wagner"), Is.EqualTo(Q.Force("Wagner", EntityScope.About)));
            Assert.That(Parse("affiliated:Russia located:Niger"), Is.EqualTo(Q.AffiliatedWith("Russia") & Q.LocatedIn("Niger")));
            Assert.That(Parse("near:Niamey/20km"), Is.EqualTo(Q.Near("Niamey", 20)));
            Assert.That(Parse("milit*"), Is.EqualTo(Q.Prefix("milit")));
            Assert.That(Parse("nigerien~1"), Is.EqualTo(Q.Fuzzy("nigerien", 1)));
            Assert.That(Parse("junta^2.5"), Is.EqualTo(Q.Text("junta").Boost(2.5f)));
            Assert.That(Parse("*"), Is.EqualTo(Q.All));
        });
    }

    [TestCase("country:", 8, "'country:' needs a value")]
    [TestCase("country:Atlantis", 8, "no country named \"Atlantis\"")]
    [TestCase("force:Chad", 6, "no force named \"Chad\"")]
    [TestCase("colour:red", 0, "unknown field 'colour'")]
    [TestCase("(niger", 0, "unclosed '('")]
    [TestCase("niger)", 5, "unmatched ')'")]
    [TestCase("\"russian troops", 0, "unclosed '\"'")]
    [TestCase("*niger", 0, "leading wildcards are not supported")]
    [TestCase("x*", 0, "a prefix needs at least 2")]
    [TestCase("/nig.r/", 0, "regular expressions are not supported")]
    [TestCase("published:[2024-13-01 TO *]", 11, "'2024-13-01' is not a date")]
    [TestCase("published:[2024-02-01 TO 2024-01-01]", 0, "the date range starts after it ends")]
    [TestCase("near:Niamey", 11, "near: needs a distance")]
    [TestCase("niger OR", 8, "OR needs a clause after it")]
    [TestCase("niger^0", 6, "a boost (^) needs a positive number")]
    [TestCase("", 0, "empty query")]
    public void Parse_BadQuery_ReportsWhatAndWhere(string text, int position, string reason)
    {
        var ex = Assert.Throws<QuerySyntaxException>(() => Parse(text));
        Assert.That(ex!.Position, Is.EqualTo(position), ex.Message);
        Assert.That(ex.Reason, Does.StartWith(reason));
        Assert.That(ex.Message, Does.Contain($"at position {position + 1}"));
    }

    [Test]
    public void Parse_HostileNesting_FailsWithAMessageNotAStackOverflow()
    {
        var deep = new string('(', 100_000) + "niger" + new string(')', 100_000);
        var ex = Assert.Throws<QuerySyntaxException>(() => NewsQuery.Parse(deep, null, QueryLimits.Default with { MaxLength = 1_000_000 }));
        Assert.That(ex!.Reason, Does.StartWith("nesting deeper than 32 levels"));
        var negations = string.Concat(Enumerable.Repeat("-", 100_000)) + "niger";
        Assert.That(() => NewsQuery.Parse(negations, null, QueryLimits.Default with { MaxLength = 1_000_000 }), Throws.InstanceOf<QuerySyntaxException>());
    }

    [Test]
    public void Parse_TooLongOrTooManyClauses_IsRefused()
    {
        Assert.That(() => Parse(new string('a', 2001)), Throws.InstanceOf<QuerySyntaxException>().With.Message.Contains("over the limit of 2,000"));
        Assert.That(() => Parse(string.Join(" OR ", Enumerable.Range(0, 200).Select(i => $"w{i}"))), Throws.InstanceOf<QuerySyntaxException>().With.Message.Contains("more than 128 clauses"));
    }

    [Test]
    public void ToString_PrintsTheSyntax()
    {
        var query = (Q.Force("Wagner") | Q.Force("Africa Corps")) & Q.Text("air base") & !Q.Country("Mali") & Q.Published(new DateOnly(2024, 1, 1), null);
        Assert.That(query.ToString(), Is.EqualTo("(force:Wagner OR force:\"Africa Corps\") air base -country:Mali published:[2024-01-01 TO *]"));
        Assert.That(Q.Force("Wagner", EntityScope.About).ToString(), Is.EqualTo("about:force:Wagner"), "printed without a catalog, so the kind is spelled out");
        Assert.That(Q.Base("Niamey", EntityScope.About).ToString(), Is.EqualTo("about:base:Niamey"));
    }

    /// <summary>Property: printing a random typed query and parsing the text gives an equal query.</summary>
    [Test]
    public void ToString_ThenParse_RoundTrips([Random(0, int.MaxValue, 1)] int seed)
    {
        TestContext.Out.WriteLine($"seed {seed}");
        var random = new Random(seed);
        for (var i = 0; i < 500; i++)
        {
            var query = RandomQuery(random, depth: 0);
            var text = query.ToString();
            Assert.That(NewsQuery.Parse(text, EntityCatalog.Default), Is.EqualTo(query), $"seed {seed}, query {text}");
        }
    }

    private static readonly string[] Words = ["niger", "junta", "U.S.", "air-base", "Niger’s", "troops", "AND", "a:b", "(x)", "drone"];
    private static readonly string[] Countries = ["NE", "Chad", "United States", "Burkina Faso", "Nigerien", "Côte d'Ivoire"];
    private static readonly string[] Forces = ["Wagner", "Russian troops", "africom", "Islamic State", "al-Qaeda"];
    private static readonly string[] Bases = ["Air Base 201", "ne-air-base-101", "Camp Lemonnier", "Diego Garcia"];

    private static NewsQuery RandomQuery(Random random, int depth)
    {
        var leaf = depth > 2 || random.Next(3) == 0;
        if (!leaf)
        {
            var children = Enumerable.Range(0, random.Next(2, 4)).Select(_ => RandomQuery(random, depth + 1)).ToArray();
            return random.Next(4) switch
            {
                0 => children.Aggregate((a, b) => a | b),
                1 => !children[0],
                2 => children[0].Boost(random.Next(1, 8) / 2f),
                _ => children.Aggregate((a, b) => a & b),
            };
        }

        var scope = (TextScope)random.Next(3);
        return random.Next(12) switch
        {
            0 => Q.Text(Words[random.Next(Words.Length)], scope),
            1 => Q.Phrase("russian \"quoted\" troops", random.Next(3), scope),
            2 => Q.Prefix("milit", scope),
            3 => Q.Fuzzy("nigerien", random.Next(1, 3), scope),
            4 => Q.Country(Countries[random.Next(Countries.Length)], (EntityScope)random.Next(2)),
            5 => Q.Force(Forces[random.Next(Forces.Length)], (EntityScope)random.Next(2)),
            6 => Q.Base(Bases[random.Next(Bases.Length)], (EntityScope)random.Next(2)),
            7 => Q.AffiliatedWith("Russia"),
            8 => Q.LocatedIn("NE"),
            9 => Q.Near("Niamey", random.Next(1, 500) / 4.0),
            10 => Q.Published(random.Next(2) == 0 ? null : new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31)),
            _ => Q.Source(random.Next(2) == 0 ? "BBC" : "Reuters News"),
        };
    }
}
