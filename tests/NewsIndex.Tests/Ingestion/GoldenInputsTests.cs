using NewsIndex.Ingestion;

namespace NewsIndex.Tests.Ingestion;

/// <summary>
/// Golden outcomes over <c>Inputs/</c>: saved HTML pages in different CMS styles, an RSS 2.0 and an Atom feed, plain
/// text with each date style, and broken inputs (truncated HTML and feed, a feed with bad items, empty files, a
/// non-feed XML file). The synchronous and asynchronous readers must give the very same result.
/// </summary>
public class GoldenInputsTests
{
    private static string Inputs => Path.Combine(TestPaths.RepositoryRoot, "tests", "NewsIndex.Tests", "Ingestion", "Inputs");

    private static DateTimeOffset Utc(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static (List<Article> Articles, List<IngestionError> Errors, IngestionStats Stats) ReadSync()
    {
        var errors = new List<IngestionError>();
        var stats = new IngestionStats();
        return (ArticleReader.Read(Inputs, errors.Add, stats: stats).ToList(), errors, stats);
    }

    private static async Task<(List<Article> Articles, List<IngestionError> Errors, IngestionStats Stats)> ReadAsync()
    {
        var errors = new List<IngestionError>();
        var stats = new IngestionStats();
        var articles = new List<Article>();
        await foreach (var article in ArticleReader.ReadAsync(Inputs, errors.Add, stats: stats))
        {
            articles.Add(article);
        }

        return (articles, errors, stats);
    }

    [Test]
    public void Folder_ArticlesErrorsAndCounts_AreTheGoldenOnes()
    {
        var (articles, errors, stats) = ReadSync();
        Assert.That(articles.Select(a => a.Id), Is.EqualTo(new[]
        {
            "tag:africadesk.example,2024:niger-russia-accord", "tag:africadesk.example,2024:ecowas-exit", "broken-1",
            "jsonld-only", "meta-only", "sahelwire-88121", "https://sahelwire.example/security/africa-corps-burkina",
            "https://sahelwire.example/security/chad-expels-french", "bare-year", "byline-pipe", "gao-dateline", "iso8601",
            "published-gmt", "rfc1123", "seed-style", "undated", "updated-edt", "weekday-bst", "truncated",
            "visible-dateline", "wordpress-jsonld",
        }));
        Assert.That(errors.Select(e => (Path.GetFileName(e.Path), e.Line, e.Kind)), Is.EqualTo(new[]
        {
            ("broken-feed.xml", 5, IngestionErrorKind.InvalidFeed),
            ("empty.html", 0, IngestionErrorKind.Empty),
            ("empty.rss", 0, IngestionErrorKind.InvalidFeed),
            ("no-content.html", 0, IngestionErrorKind.NoContent),
            ("sahel-wire.rss", 25, IngestionErrorKind.MissingField),
            ("sahel-wire.rss", 30, IngestionErrorKind.InvalidDate),
            ("sitemap.xml", 2, IngestionErrorKind.InvalidFeed),
            ("empty.txt", 0, IngestionErrorKind.Empty),
        }));
        Assert.That((stats.Sources, stats.Articles, stats.Undated, stats.Errors), Is.EqualTo((23L, 21L, 2L, 8L)));
        Assert.That(articles.Where(a => a.Published is null).Select(a => a.Id), Is.EqualTo(new[] { "bare-year", "undated" }));
    }

    [Test]
    public async Task Folder_AsyncReader_GivesTheSameResultAsTheSyncReader()
    {
        var sync = ReadSync();
        var async = await ReadAsync();
        Assert.That(async.Articles, Is.EqualTo(sync.Articles).Using<Article>((a, b) => a.Id == b.Id && a.Title == b.Title && a.Body == b.Body
            && a.Published == b.Published && a.Source == b.Source && a.Url == b.Url && a.Authors.SequenceEqual(b.Authors) && a.Dateline == b.Dateline));
        Assert.That(async.Errors, Is.EqualTo(sync.Errors));
        Assert.That(async.Stats.ToString(), Is.EqualTo(sync.Stats.ToString()));
    }

    [Test]
    public void TextDateStyles_AreAllParsedWithTheirZones()
    {
        var byId = ReadSync().Articles.ToDictionary(a => a.Id);
        Assert.Multiple(() =>
        {
            Assert.That(byId["gao-dateline"].Published, Is.EqualTo(Utc("2022-08-15T00:00:00Z")));
            Assert.That(byId["gao-dateline"].Dateline, Is.EqualTo("GAO, Mali"));
            Assert.That(byId["published-gmt"].Published, Is.EqualTo(Utc("2022-08-15T10:32:00Z")));
            Assert.That(byId["weekday-bst"].Published, Is.EqualTo(Utc("2022-08-15T09:32:00Z")));
            Assert.That(byId["byline-pipe"].Published, Is.EqualTo(Utc("2022-08-15T00:00:00Z")));
            Assert.That(byId["byline-pipe"].Authors, Is.EqualTo(new[] { "Jane Doe" }));
            Assert.That(byId["updated-edt"].Published, Is.EqualTo(Utc("2022-08-15T14:32:00Z")));
            Assert.That(byId["seed-style"].Published, Is.EqualTo(Utc("2024-05-03T13:49:00Z")));
            Assert.That(byId["rfc1123"].Published, Is.EqualTo(Utc("2022-08-15T10:32:00Z")));
            Assert.That(byId["iso8601"].Published, Is.EqualTo(Utc("2022-08-15T08:32:00Z")));
            Assert.That(byId["bare-year"].Published, Is.Null, "a bare year is not a date, and never costs the article");
            foreach (var id in new[] { "published-gmt", "weekday-bst", "byline-pipe", "updated-edt", "rfc1123" })
            {
                Assert.That(byId[id].Body, Does.Not.Contain("2022"), $"{id}: the date line is metadata, not text");
            }
        });
    }

    [Test]
    public void Html_WordPressWithJsonLdGraph_MetadataFromJsonLdAndMainTextWithoutFurniture()
    {
        var page = ReadSync().Articles.Single(a => a.Id == "wordpress-jsonld");
        Assert.Multiple(() =>
        {
            Assert.That(page.Title, Is.EqualTo("Russian instructors arrive at Air Base 101 in Niamey"));
            Assert.That(page.Published, Is.EqualTo(Utc("2024-05-03T12:49:00Z")));
            Assert.That(page.Authors, Is.EqualTo(new[] { "Amina Sani", "Paul Martin" }));
            Assert.That(page.Source, Is.EqualTo("Sahel Monitor"), "og:site_name wins over the publisher's legal name");
            Assert.That(page.Url, Is.EqualTo("https://sahelmonitor.example/2024/05/03/russian-instructors-air-base-101/"));
            Assert.That(page.Dateline, Is.EqualTo("NIAMEY"));
            Assert.That(page.Body, Does.StartWith("NIAMEY — Russian military instructors"));
            Assert.That(page.Body, Does.EndWith("will be handed over."));
            Assert.That(page.Body, Does.Contain("What happens next"));
            foreach (var furniture in new[] { "Share on", "Home", "Most read", "Related", "Mali junta expels", "All rights reserved", "Photo: Reuters", "dataLayer", "By Amina" })
            {
                Assert.That(page.Body, Does.Not.Contain(furniture));
            }
        });
    }

    [Test]
    public void Html_MetaOnly_JsonLdOnly_VisibleLinesOnly_AndTruncated()
    {
        var byId = ReadSync().Articles.ToDictionary(a => a.Id);
        Assert.Multiple(() =>
        {
            var meta = byId["meta-only"];
            Assert.That((meta.Title, meta.Source, meta.Published, meta.Dateline), Is.EqualTo(("US troops to leave Chad base", "The Daily Courier", Utc("2024-04-25T17:05:12Z"), "N'DJAMENA")));
            Assert.That(meta.Authors, Is.EqualTo(new[] { "John Roe" }), "article:author is a profile URL, the author meta is the name");
            Assert.That(meta.Body, Does.Not.Contain("cookies").And.Not.Contain("Sign up"));
            Assert.That(meta.Body.Split("\n\n"), Has.Length.EqualTo(3));

            var ld = byId["jsonld-only"];
            Assert.That((ld.Title, ld.Source, ld.Published, ld.Url), Is.EqualTo(("Wagner fighters killed in ambush near Tinzaouaten", "Agence Sahel Presse", Utc("2024-07-29T09:15:00Z"), "https://asp.example/wagner-tinzaouaten")));
            Assert.That(ld.Authors, Is.EqualTo(new[] { "Claire Dubois" }));
            Assert.That(ld.Body, Does.StartWith("GAO, Mali — Dozens of Wagner Group fighters"), "articleBody stands in for a page rendered by script");
            Assert.That(ld.Body, Does.Not.Contain("enable JavaScript"));

            var visible = byId["visible-dateline"];
            Assert.That((visible.Published, visible.Dateline), Is.EqualTo((Utc("2022-08-15T00:00:00Z"), "OUAGADOUGOU")));
            Assert.That(visible.Authors, Is.EqualTo(new[] { "Moussa Traoré" }));
            Assert.That(visible.Body.Split("\n\n"), Is.EqualTo(new[]
            {
                "OUAGADOUGOU — Burkina Faso's military government suspended Radio France Internationale on Monday.",
                "The junta accused the broadcaster of relaying a message from a jihadist leader.",
                "France's foreign ministry condemned the decision.",
            }));

            var truncated = byId["truncated"];
            Assert.That((truncated.Title, truncated.Published), Is.EqualTo(("Niger border closed", Utc("2022-08-15T10:32:00Z"))));
            Assert.That(truncated.Body, Is.EqualTo("NIAMEY — Niger kept its border with Benin closed on Monday, traders said, as the dispute over the"));
        });
    }

    [Test]
    public void Feeds_OneArticlePerItem_WithStableIdsDatesAuthorsAndFeedTitleAsSource()
    {
        var byId = ReadSync().Articles.ToDictionary(a => a.Id);
        Assert.Multiple(() =>
        {
            var first = byId["sahelwire-88121"];
            Assert.That((first.Title, first.Published, first.Source, first.Url), Is.EqualTo(("US completes withdrawal from Air Base 101", Utc("2024-07-07T18:20:00Z"), "Sahel Wire – Security", "https://sahelwire.example/security/us-completes-withdrawal-101")));
            Assert.That(first.Authors, Is.EqualTo(new[] { "Idrissa Maiga" }));
            Assert.That(first.Body, Is.EqualTo("NIAMEY — The last U.S. troops left Air Base 101 on Sunday, the Pentagon said.\n\nSome 600 remain at Air Base 201 in Agadez."));

            var encoded = byId["https://sahelwire.example/security/africa-corps-burkina"];
            Assert.That(encoded.Title, Is.EqualTo("Russia’s Africa Corps expands in Burkina Faso"));
            Assert.That(encoded.Authors, Is.EqualTo(new[] { "Fatou Diallo" }), "the name from 'email (Name)'");
            Assert.That(encoded.Body, Does.StartWith("OUAGADOUGOU — Instructors").And.Not.Contain("teaser"));

            var fallback = byId["https://sahelwire.example/security/chad-expels-french"];
            Assert.That(fallback.Published, Is.EqualTo(Utc("2022-08-15T10:32:00Z")), "no pubDate: the date line at the top of the text");
            Assert.That(fallback.Body, Is.EqualTo("N'DJAMENA — Chad ended its defence agreement with France."));

            var atom = byId["tag:africadesk.example,2024:niger-russia-accord"];
            Assert.That((atom.Title, atom.Published, atom.Source, atom.Url), Is.EqualTo(("Niger & Russia sign defence accord", Utc("2024-01-17T08:00:00Z"), "Africa Desk", "https://africadesk.example/niger-russia-accord")));
            Assert.That(atom.Authors, Is.EqualTo(new[] { "Halima Bello", "Omar Keita" }));
            var xhtml = byId["tag:africadesk.example,2024:ecowas-exit"];
            Assert.That(xhtml.Published, Is.EqualTo(Utc("2024-01-28T15:30:00Z")), "only <updated>: taken as the date");
            Assert.That(xhtml.Body, Is.EqualTo("BAMAKO — Mali, Burkina Faso and Niger said they would leave ECOWAS.\n\nThe three juntas formed the Alliance of Sahel States."));
        });
    }

    [Test]
    public void Seeds_UndatedCount_IsReported()
    {
        var stats = new IngestionStats();
        var articles = ArticleReader.Read(TestPaths.Seeds, stats: stats).ToList();
        Assert.That(articles, Has.Count.EqualTo(5));
        Assert.That((stats.Articles, stats.Undated, stats.Errors), Is.EqualTo((5L, 4L, 0L)), "only seed 000 states a date; the other four pages carry none");
    }
}
