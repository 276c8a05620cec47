using NewsIndex.Entities;
using NewsIndex.Ingestion;
using NewsIndex.Results;
using static NewsIndex.Tests.ArticleBuilder;

namespace NewsIndex.Tests.Searching;

public sealed class StoryCollapseTests
{
    private const string LagosText =
        "Gunmen attacked a police checkpoint in Lagos, Nigeria, on Tuesday night, killing four officers and wounding two " +
        "bystanders before fleeing on motorcycles toward the lagoon, the state police commissioner said at a briefing.";

    private const string AbujaText =
        "A car bomb exploded outside a market in Abuja, Nigeria, on Friday morning, wounding eleven traders, and the army " +
        "sealed off the district while engineers searched nearby stalls for a second device, officials said.";

    private const string BamakoText =
        "Soldiers in Bamako, Mali, arrested three men suspected of planning an attack on a checkpoint near the airport, " +
        "the defence ministry said on Sunday, adding that weapons and explosives were seized in a nearby house.";

    // Three stories: a report copied by two more outlets (3), one copied once (2), one alone (1).
    private static readonly Article[] Articles =
    [
        Article("lagos-1", LagosText, "Gunmen kill four police officers in Lagos", Day(2024, 3, 5), "Reuters"),
        Article("lagos-2", LagosText, "Four officers killed at Lagos checkpoint", Day(2024, 3, 6), "BBC"),
        Article("lagos-3", LagosText, "Lagos checkpoint attack kills four", Day(2024, 3, 7), "Al Jazeera"),
        Article("abuja-1", AbujaText, "Car bomb wounds eleven at Abuja market", Day(2024, 4, 12), "AP"),
        Article("abuja-2", AbujaText, "Abuja market blast wounds traders", Day(2024, 4, 12), "AFP"),
        Article("bamako-1", BamakoText, "Mali arrests three over checkpoint attack plot", Day(2024, 4, 21), "RFI"),
    ];

    private static ArticleIndex Build()
    {
        var index = ArticleIndex.CreateInMemory();
        index.IndexAll(Articles);
        return index;
    }

    private static readonly SearchOptions Collapsed = new() { Collapse = true, Snippets = false, Why = false };

    [Test]
    public void Collapse_RepeatedAndConcurrentSearches_OnTwoIndexes_GiveTheSameCounts()
    {
        // The collector's per-story state is reused between searches (reset where a search touched it): a search must
        // never see another's counts, whichever index or thread ran before it.
        using var index = Build();
        using var bigger = ArticleIndex.CreateInMemory();
        bigger.IndexAll(Articles.Concat(Enumerable.Range(0, 40).Select(i =>
            Article($"other-{i}", $"Officials in town number {i} reported a checkpoint attack that wounded {i % 4 + 1} people.", $"Attack in town {i}", Day(2023, 1 + (i % 12), 1 + i % 27), "Wire"))));
        string Fingerprint(ArticleIndex target, string query)
        {
            var results = target.Search(query, Collapsed with { Size = 50 });
            return $"{results.Total}/{results.TotalStories}: " + string.Join(", ", results.Hits.Select(h => $"{h.Id}={h.Collapsed?.Matching}/{h.Collapsed?.Size}"));
        }

        var queries = new[] { "said", "Nigeria", "checkpoint attack", "wounded" };
        var expected = queries.Select(q => (Fingerprint(index, q), Fingerprint(bigger, q))).ToArray();
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, 400, new ParallelOptions { MaxDegreeOfParallelism = 4 }, n =>
        {
            var q = n % queries.Length;
            var (small, large) = expected[q];
            var target = n % 3 == 0 ? bigger : index;
            var got = Fingerprint(target, queries[q]);
            if (got != (target == bigger ? large : small))
            {
                failures.Add($"search {n} ({queries[q]}): {got}");
            }
        });

        Assert.Multiple(() =>
        {
            Assert.That(expected[0].Item1, Does.StartWith("6/3:"), "every article, three stories, match \"said\" in the small index");
            Assert.That(failures, Is.Empty);
        });
    }

    [Test]
    public void Summaries_KeptPerReader_FollowTheIndexAfterAChange()
    {
        using var index = Build();
        var query = "checkpoint attack";
        var before = index.Search(query, Collapsed).Hits.Single(h => h.Id.StartsWith("lagos", StringComparison.Ordinal)).Collapsed!;
        var again = index.Search(query, Collapsed).Hits.Single(h => h.Id.StartsWith("lagos", StringComparison.Ordinal)).Collapsed!;
        Assert.That(again, Is.EqualTo(before), "the same reader gives the same summary");

        index.Delete("lagos-2");
        var after = index.Search(query, Collapsed).Hits.Single(h => h.Id.StartsWith("lagos", StringComparison.Ordinal)).Collapsed!;
        Assert.Multiple(() =>
        {
            Assert.That(after.Size, Is.EqualTo(2));
            Assert.That(after.Sources, Is.EqualTo(new[] { "Reuters", "Al Jazeera" }));
            Assert.That(index.Stories(query).Single(s => s.Id == after.Id).Size, Is.EqualTo(2));
        });
    }

    [Test]
    public void Collapse_ReturnsOneHitPerStory_WithItsSizeSourcesAndSpan()
    {
        using var index = Build();

        var results = index.Search("checkpoint OR market", Collapsed with { Sort = SortOrder.Date });

        var lagos = results.Hits.Single(h => h.Id.StartsWith("lagos", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(results.Total, Is.EqualTo(6));
            Assert.That(results.TotalStories, Is.EqualTo(3));
            Assert.That(results.Hits.Select(h => h.Id), Is.EqualTo(new[] { "bamako-1", "abuja-2", "lagos-3" }).Or.EqualTo(new[] { "bamako-1", "abuja-1", "lagos-3" }));
            Assert.That(lagos.Collapsed!.Size, Is.EqualTo(3));
            Assert.That(lagos.Collapsed.Matching, Is.EqualTo(3));
            Assert.That(lagos.Collapsed.Sources, Is.EqualTo(new[] { "Reuters", "BBC", "Al Jazeera" }));
            Assert.That(lagos.Collapsed.FirstSeen, Is.EqualTo(Day(2024, 3, 5)));
            Assert.That(lagos.Collapsed.LastSeen, Is.EqualTo(Day(2024, 3, 7)));
            Assert.That(lagos.Collapsed.Title, Is.EqualTo(lagos.Title), "a collapsed hit brings its own headline");
            Assert.That(index.Stories("checkpoint", sort: SortOrder.Date).Single(s => s.Size == 3).Title, Is.EqualTo("Gunmen kill four police officers in Lagos"), "lists use the first report's");
            Assert.That(lagos.Collapsed.ToString(), Is.EqualTo("3 reports: Reuters, BBC, Al Jazeera"));
            Assert.That(lagos.Story, Is.EqualTo(lagos.Collapsed.Id));
        });
    }

    [TestCase(SortOrder.Relevance)]
    [TestCase(SortOrder.Date)]
    public void Collapse_CursorPagesThroughEveryStoryOnce(SortOrder sort)
    {
        using var index = Build();
        var options = Collapsed with { Size = 1, Sort = sort };
        var unpaged = index.Search("checkpoint OR market", Collapsed with { Size = 10, Sort = sort }).Hits.Select(h => h.Story).ToArray();

        var seen = new List<string?>();
        string? cursor = null;
        do
        {
            var page = index.Search("checkpoint OR market", options with { Cursor = cursor });
            seen.AddRange(page.Hits.Select(h => h.Story));
            cursor = page.NextCursor;
        }
        while (cursor is not null && seen.Count < 10);

        Assert.That(seen, Is.EqualTo(unpaged));
        Assert.That(seen.Distinct().Count(), Is.EqualTo(3));
    }

    [Test]
    public void Collapse_RefusesACursorOfAnArticlePage()
    {
        using var index = Build();
        var cursor = index.Search("checkpoint OR market", new SearchOptions { Size = 1 }).NextCursor;

        Assert.That(() => index.Search("checkpoint OR market", Collapsed with { Size = 1, Cursor = cursor }), Throws.InstanceOf<ArgumentException>());
    }

    [Test]
    public void Facets_CountArticlesOrStoriesAsAsked()
    {
        using var index = Build();
        var options = new SearchOptions { Facets = [FacetField.Country], Snippets = false, Why = false };

        var articles = index.Search("checkpoint OR market", options).Facets[FacetField.Country];
        var stories = index.Search("checkpoint OR market", options with { FacetUnit = CountUnit.Stories }).Facets[FacetField.Country];

        Assert.Multiple(() =>
        {
            Assert.That(articles, Is.EqualTo(new[] { new FacetCount("NG", 5), new FacetCount("ML", 1) }));
            Assert.That(stories, Is.EqualTo(new[] { new FacetCount("NG", 2), new FacetCount("ML", 1) }));
        });
    }

    [Test]
    public void Stories_ListsMatchingStories_AndStoryReturnsArticlesInTimeOrder()
    {
        using var index = Build();

        var stories = index.Stories("country:NG", sort: SortOrder.Date);
        var lagos = index.Story(stories.Single(s => s.Size == 3).Id)!;

        Assert.Multiple(() =>
        {
            Assert.That(stories.Select(s => s.Size), Is.EqualTo(new[] { 2, 3 }));
            Assert.That(stories[0].TopEntities, Does.Contain(new StoryEntity(EntityKind.Country, "NG", 2)));
            Assert.That(lagos.Articles.Select(a => a.Id), Is.EqualTo(new[] { "lagos-1", "lagos-2", "lagos-3" }));
            Assert.That(lagos.Summary.Size, Is.EqualTo(3));
            Assert.That(index.Story("s-unknown"), Is.Null);
        });
    }

    [Test]
    public void Timeline_CountsArticlesOrStoriesPerMonthAndCountry()
    {
        using var index = Build();

        var articles = index.Timeline("checkpoint OR market", TimelineInterval.Month, EntityKind.Country);
        var stories = index.Timeline("checkpoint OR market", TimelineInterval.Month, EntityKind.Country, CountUnit.Stories);
        var weekly = index.Timeline("checkpoint OR market", TimelineInterval.Week);

        var march = new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var april = new DateTimeOffset(2024, 4, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.Multiple(() =>
        {
            Assert.That(articles.Series, Is.EqualTo(new[] { "NG", "ML" }));
            Assert.That(articles.Points, Is.EqualTo(new[]
            {
                new TimelinePoint(march, "NG", 3), new TimelinePoint(march, "ML", 0),
                new TimelinePoint(april, "NG", 2), new TimelinePoint(april, "ML", 1),
            }));
            Assert.That(stories.Points.Select(p => p.Count), Is.EqualTo(new[] { 1, 0, 1, 1 }));
            Assert.That(weekly.Points[0], Is.EqualTo(new TimelinePoint(new DateTimeOffset(2024, 3, 4, 0, 0, 0, TimeSpan.Zero), null, 3)));
            Assert.That(weekly.Points.Sum(p => p.Count), Is.EqualTo(6));
            Assert.That(weekly.Points, Has.Count.EqualTo(7)); // weeks of 4 March … 15 April (Sunday 21 April), empty weeks included
        });
    }
}
