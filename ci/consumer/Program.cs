// The "done when" consumer check of issue 12, run by .ci/run in a fresh console project that references only the packed
// packages (NewsIndex, NewsIndex.Extensions.DependencyInjection) from a local folder: stream an RSS file and a folder
// of saved HTML pages asynchronously into an index opened through DI, with logging, and find the articles by entity
// and date. Usage: Consumer INPUTS_DIR INDEX_DIR. Exits 1 when an expectation fails.
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsIndex;
using NewsIndex.Extensions.DependencyInjection;
using NewsIndex.Ingestion;
using NewsIndex.Querying;

var inputs = args[0];
var services = new ServiceCollection()
    .AddLogging(logging => logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Information))
    .AddNewsIndex(options =>
    {
        options.Path = args[1];
        options.SlowQueryThreshold = TimeSpan.Zero; // log every search, to see the logger at work
    });

var failures = 0;
void Expect(bool condition, string what)
{
    Console.WriteLine($"{(condition ? "ok" : "FAILED")}: {what}");
    failures += condition ? 0 : 1;
}

await using (var provider = services.BuildServiceProvider())
{
    var index = provider.GetRequiredService<ArticleIndex>();
    var readers = new ArticleReaderOptions { Logger = provider.GetRequiredService<ILogger<ArticleIndex>>() };
    var stats = new IngestionStats();
    using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));

    var feed = await index.IndexAllAsync(ArticleReader.ReadAsync(Path.Combine(inputs, "feed.rss"), options: readers, stats: stats),
        new Progress<NewsIndex.Indexing.IndexingProgress>(), timeout.Token);
    var pages = await index.IndexAllAsync(ArticleReader.ReadAsync(Path.Combine(inputs, "pages"), options: readers, stats: stats),
        cancellationToken: timeout.Token);
    index.Commit();
    Console.WriteLine($"indexed {feed.Articles} feed items and {pages.Articles} pages ({stats})");
    Expect(feed.Articles == 3, "3 feed items indexed");
    Expect(pages.Articles == 2 && stats.Errors == 1, "2 pages indexed, the cookie wall skipped and logged");

    // By entity and date, typed: Wagner in October 2023.
    var wagner = index.Search(Q.Force("Wagner") & Q.Published(new DateOnly(2023, 10, 1), new DateOnly(2023, 10, 31)));
    foreach (var hit in wagner.Hits)
    {
        Console.WriteLine($"  {hit.Id} | {hit.Published:yyyy-MM-dd} | {hit.Source} | {hit.Title}");
    }

    Expect(wagner.Hits.Select(h => h.Id).Order(StringComparer.Ordinal).SequenceEqual(["desertdesk-5001", "wagner-timbuktu"]),
        "force:Wagner in October 2023 finds the feed item and the saved page");

    // By entity and date, query string: Air Base 201 in August 2023 (the date comes from a visible date line).
    var agadez = index.Search("base:\"Air Base 201\" published:[2023-08-01 TO 2023-08-31]");
    Expect(agadez.Hits.Select(h => h.Id).SequenceEqual(["agadez-drones"]), $"{agadez.Query} finds the saved page");
    Expect(agadez.Hits.Single().Source == "Niger Brief", "the page's source is its site name");

    var niger = index.Search(Q.Country("Niger", EntityScope.About) & Q.Published(new DateOnly(2023, 9, 25), new DateOnly(2023, 9, 25)));
    Expect(niger.Hits.Select(h => h.Id).SequenceEqual(["desertdesk-5002"]), "about:country:Niger on 2023-09-25 (pubDate +0100) finds the feed item");
}

Console.WriteLine(failures == 0 ? "consumer: all expectations met" : $"consumer: {failures} expectation(s) failed");
return failures == 0 ? 0 : 1;
