using NewsIndex.Ingestion;

namespace NewsIndex.Tests.Ingestion;

public class PlainTextArticleParserTests
{
    private static Article Seed(string prefix) => SeedCorpus.Articles.Single(a => a.Id.StartsWith(prefix, StringComparison.Ordinal));

    [TestCase("NIAMEY — Russian troops arrived.", "NIAMEY")]
    [TestCase("SYDNEY - Police arrested 38 people.", "SYDNEY")]
    [TestCase("WASHINGTON (AP) — The Senate voted.", "WASHINGTON")]
    [TestCase("BRASILIA, Oct 30 (Reuters) - Lula won the runoff.", "BRASILIA")]
    [TestCase("AUGUSTA, Georgia - Rory McIlroy won the Masters.", "AUGUSTA, Georgia")]
    [TestCase("VALENCIA, Spain - Floods killed more than 200 people.", "VALENCIA, Spain")]
    [TestCase("SAINT-DENIS, March 3 - The final was played.", "SAINT-DENIS")]
    [TestCase("By Jane Doe\n\nNEW DELHI - The summit opened.", "NEW DELHI")]
    public void Dateline_BeforeADash_WithOrWithoutDateAndAgency_IsFound(string body, string expected) =>
        Assert.That(PlainTextArticleParser.FindDateline(body.Replace("\\n", "\n", StringComparison.Ordinal)), Is.EqualTo(expected));

    [TestCase("Troops arrived in Niamey - a city of a million - on Sunday.")]
    [TestCase("The well-known US-Russia talks resumed.")]
    [TestCase("NIAMEY-based analysts said the junta would stay.")]
    [TestCase("KEY POINTS\n- The junta would stay.")]
    public void NoDateline_WhereNoCapitalisedPlaceOpensALineBeforeADash(string body) =>
        Assert.That(PlainTextArticleParser.FindDateline(body), Is.Null);

    [Test]
    public void Seeds_AreAllBundled_WithFileNamesAsIds()
    {
        var ids = SeedCorpus.Articles.Select(a => a.Id).ToArray();
        var files = Directory.GetFiles(TestPaths.Seeds, "*.txt").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToArray();
        Assert.That(ids, Is.EqualTo(files));
        Assert.That(ids, Has.Length.EqualTo(5));
    }

    [Test]
    public void Seed000_DateSectionLabelShareButtonsAndContributorLine_AreMetadataNotText()
    {
        var article = Seed("000");
        Assert.Multiple(() =>
        {
            Assert.That(article.Title, Is.EqualTo("Russian Forces Enter Niger Airbase, Confronting U.S. Troops: What Happens Next?"));
            Assert.That(article.Published, Is.EqualTo(new DateTimeOffset(2024, 5, 3, 13, 49, 0, TimeSpan.Zero)));
            Assert.That(article.Authors, Is.EqualTo(new[] { "Eleanor Watson" }));
            Assert.That(article.Body, Does.Not.Contain("icon sharing"));
            Assert.That(article.Body, Does.Not.Contain("entertainment"));
            Assert.That(article.Body, Does.Not.Contain("Reporting contributed by"));
            Assert.That(article.Body, Does.Not.Contain("03 May 2024"));
            Assert.That(article.Body, Does.StartWith("Before a coup in Niger in July 2023"));
            Assert.That(article.Body, Does.EndWith("maintain its security agreement with the U.S."));
            Assert.That(article.Body, Does.Contain("Russian Military Personnel Enter Airbase in Niger"), "subheads are article text");
        });
    }

    [Test]
    public void Seed001_BylineBeforeHeadline_DatelineAndTrailingSource()
    {
        var article = Seed("001");
        Assert.Multiple(() =>
        {
            Assert.That(article.Authors, Is.EqualTo(new[] { "Layla Al-Khalifa" }));
            Assert.That(article.Title, Is.EqualTo("Shocking: Russians land at US-occupied Niger airbase!"));
            Assert.That(article.Source, Is.EqualTo("BBC"));
            Assert.That(article.Dateline, Is.EqualTo("NIAMEY"));
            Assert.That(article.Body, Does.EndWith("the Alliance of Sahel States."));
            Assert.That(article.Body, Does.Contain("NIAMEY — In a dramatic turn of events"));
            Assert.That(article.Published, Is.Null, "the page states no date");
        });
    }

    [Test]
    public void Seed002_NoHeadline_TitleStaysEmptyAndNothingIsLost()
    {
        var article = Seed("002");
        var raw = File.ReadAllText(Path.Combine(TestPaths.Seeds, article.Id + ".txt"));
        Assert.Multiple(() =>
        {
            Assert.That(article.Title, Is.Empty);
            Assert.That(article.Body, Does.StartWith("In Niger, United States and Russian troops"));
            Assert.That(article.Body, Does.Not.Contain("Expanded Coverage"));
            Assert.That(article.Body.Length, Is.EqualTo(raw.Length - "\nExpanded Coverage:".Length));
        });
    }

    [Test]
    public void Seed003_AuthorAfterAuthorImage_UpdateLinesDropped_DuplicateHeadlineDropped()
    {
        var article = Seed("003");
        Assert.Multiple(() =>
        {
            Assert.That(article.Title, Is.EqualTo("Russian Troops Arrive in Niger as US Forces Withdraw"));
            Assert.That(article.Authors, Is.EqualTo(new[] { "Nasiru Eneji Abdulrasheed" }));
            Assert.That(article.Body, Does.Not.Contain("author-image"));
            Assert.That(article.Body, Does.Not.Contain("Updated On"));
            Assert.That(article.Body, Does.Not.Contain("New Update"));
            Assert.That(article.Body, Does.Contain("RussianTroopsArrive in Niger"), "the glued headline variant is text, kept as is");
            Assert.That(article.Body, Does.Contain("Key Takeaways"));
        });
    }

    [Test]
    public void Seed004_CallToActionHeadingDropped_TextAfterItKept()
    {
        var article = Seed("004");
        Assert.Multiple(() =>
        {
            Assert.That(article.Title, Is.EqualTo("Russian Forces Enter US-Occupied Air Base in Niger Amid Coup Fallout"));
            Assert.That(article.Body, Does.Not.Contain("What's Your Take?"));
            Assert.That(article.Body, Does.Contain("These recent developments in Niger"));
        });
    }

    [Test]
    public void Parse_CrlfAndBom_GiveTheSameArticleAsLf()
    {
        const string lf = "Troops leave Chad\n\nBy Jane Doe\n\nN'DJAMENA — French troops left on Friday.\n";
        var crlf = "\uFEFF" + lf.Replace("\n", "\r\n", StringComparison.Ordinal);
        Assert.That(PlainTextArticleParser.Parse("x", crlf), Is.EqualTo(PlainTextArticleParser.Parse("x", lf)).Using<Article>((a, b) =>
            a.Title == b.Title && a.Body == b.Body && a.Authors.SequenceEqual(b.Authors) && a.Dateline == b.Dateline));
        var parsed = PlainTextArticleParser.Parse("x", lf);
        Assert.That(parsed.Authors, Is.EqualTo(new[] { "Jane Doe" }));
        Assert.That(parsed.Dateline, Is.EqualTo("N'DJAMENA"));
    }
}
