using NewsIndex.Querying;
using NewsIndex.Results;
using NewsIndex.Searching;
using static NewsIndex.Tests.ArticleBuilder;

namespace NewsIndex.Tests.Searching;

/// <summary>Cursors are sort values plus the article id, bound to their query and sort: paging across merges and
/// deletes never repeats an article nor skips one present throughout, and foreign or damaged cursors are refused.</summary>
public class CursorStabilityTests
{
    private const int Articles = 240;

    private static ArticleIndex Build(Lucene.Net.Store.Directory? directory = null)
    {
        var options = new ArticleIndexOptions { IndexingThreads = 1 };
        var index = directory is null ? ArticleIndex.CreateInMemory(options) : ArticleIndex.OpenDirectory(directory, "memory", options);
        for (var i = 0; i < Articles; i++)
        {
            // Several commits: several segments, so a forced merge renumbers documents.
            var title = i % 3 == 0 ? "Niger convoy" : "Convoy report";
            var body = i % 2 == 0 ? $"Russian troops escorted convoy {i} near Niamey." : $"A convoy {i} crossed the border of Niger.";
            index.Upsert(Article($"a{i:D3}", body, title, published: i % 5 == 0 ? null : Day(2024, 1, 1).AddHours(i / 2)));
            if (i % 40 == 39)
            {
                index.Commit();
            }
        }

        index.Commit();
        return index;
    }

    private static IEnumerable<TestCaseData> Cases()
    {
        yield return new TestCaseData("convoy", SortOrder.Date).SetName("text query, date order");
        yield return new TestCaseData("country:Niger", SortOrder.Relevance).SetName("entity query (constant score), relevance order");
        yield return new TestCaseData("country:Niger", SortOrder.Date).SetName("entity query, date order");
        yield return new TestCaseData("*", SortOrder.Relevance).SetName("match all, relevance order (all scores tie)");
    }

    [Test]
    public void DateOrder_IsLucenesSortByPublishedThenIdHash_UndatedLast()
    {
        // The date collector is hand-written; Lucene's own two-field sort over the same index is the reference.
        var directory = new Lucene.Net.Store.RAMDirectory();
        using var index = Build(directory);
        var ours = index.Search("*", new SearchOptions { Size = 1000, Sort = SortOrder.Date, Snippets = false, Why = false }).Hits.Select(h => h.Id).ToArray();

        using var reader = Lucene.Net.Index.DirectoryReader.Open(directory);
        var searcher = new Lucene.Net.Search.IndexSearcher(reader);
        var sort = new Lucene.Net.Search.Sort(
            new Lucene.Net.Search.SortField(NewsIndex.Mapping.FieldNames.Published, Lucene.Net.Search.SortFieldType.INT64, true),
            new Lucene.Net.Search.SortField(NewsIndex.Mapping.FieldNames.IdHash, Lucene.Net.Search.SortFieldType.INT64));
        var lucene = searcher.Search(new Lucene.Net.Search.MatchAllDocsQuery(), null, 1000, sort).ScoreDocs
            .Select(d => reader.Document(d.Doc).Get(NewsIndex.Mapping.FieldNames.Id, System.Globalization.CultureInfo.InvariantCulture)).ToArray();

        Assert.That(ours, Has.Length.EqualTo(Articles));
        Assert.That(ours, Is.EqualTo(lucene));
        Assert.That(ours[^1], Does.EndWith("0").Or.EndWith("5"), "undated articles (every fifth) come last");
    }

    [TestCaseSource(nameof(Cases))]
    public void PagingAcrossMergesAndDeletes_NeverRepeats_NeverSkips(string query, SortOrder sort)
    {
        using var index = Build();
        var options = new SearchOptions { Size = 7, Sort = sort, Snippets = false, Why = false };
        var everything = index.Search(query, options with { Size = 1000 }).Hits.Select(h => h.Id).ToArray();
        Assert.That(everything, Has.Length.GreaterThan(50));

        var seen = new List<string>();
        var deleted = new HashSet<string>(StringComparer.Ordinal);
        var page = index.Search(query, options);
        var round = 0;
        while (true)
        {
            seen.AddRange(page.Hits.Select(h => h.Id));
            if (page.NextCursor is null)
            {
                break;
            }

            // Between pages: delete an article already seen and one not yet seen, then merge every segment into one.
            round++;
            var unseen = everything.Except(seen).Except(deleted).ToArray();
            if (round % 2 == 1 && unseen.Length > 10)
            {
                index.Delete(unseen[^1]);
                deleted.Add(unseen[^1]);
                index.Delete(seen[0]);
                deleted.Add(seen[0]);
                index.Commit();
                index.ForceMerge(1);
            }

            page = index.Search(query, options with { Cursor = page.NextCursor });
        }

        Assert.Multiple(() =>
        {
            Assert.That(seen, Is.Unique, "no article twice");
            Assert.That(everything.Except(deleted).Except(seen), Is.Empty, "none skipped that was present throughout");
            Assert.That(round, Is.GreaterThan(5));
        });
    }

    [Test]
    public void Cursor_IsBoundToItsQueryAndSort()
    {
        using var index = Build();
        var first = index.Search("convoy", new SearchOptions { Size = 5 });
        Assert.That(first.NextCursor, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(() => index.Search("niger", new SearchOptions { Size = 5, Cursor = first.NextCursor }),
                Throws.ArgumentException.With.Message.Contains("another query"));
            Assert.That(() => index.Search("convoy", new SearchOptions { Size = 5, Sort = SortOrder.Date, Cursor = first.NextCursor }),
                Throws.ArgumentException.With.Message.Contains("order"));
            Assert.That(() => index.Search("convoy", new SearchOptions { Size = 5, Cursor = first.NextCursor }), Throws.Nothing);
            Assert.That(() => index.Search(Q.Text("convoy"), new SearchOptions { Size = 5, Cursor = first.NextCursor }), Throws.Nothing,
                "the typed query that prints the same is the same query");
        });
    }

    [Test]
    public void DamagedOrForgedCursors_AreRefused_NeverWrongPages()
    {
        using var index = Build();
        var cursor = index.Search("convoy", new SearchOptions { Size = 5 }).NextCursor!;
        var rng = new Random(20241124);
        string[] damaged =
        [
            cursor[..^3], // truncated
            cursor[..10],
            cursor + "AAAA",
            "",
            "!!!!",
            new string('A', 5000),
            Mutate(cursor, rng),
            Mutate(cursor, rng),
            Mutate(cursor, rng),
            "ZDoxMjM6MS4wOjA6NQ", // a cursor of the old format (doc id in clear text)
        ];
        foreach (var text in damaged.Where(d => d != cursor))
        {
            Assert.That(() => index.Search("convoy", new SearchOptions { Size = 5, Cursor = text }), Throws.ArgumentException, text);
        }
    }

    [Test]
    public void HugeReturnedCount_DoesNotWrap()
    {
        using var index = Build();
        var fingerprint = PageCursor.Fingerprint("convoy", SortOrder.Relevance);
        var forged = new PageCursor(SortOrder.Relevance, fingerprint, 1f, long.MinValue, int.MaxValue, "a000").Encode();
        var page = index.Search("convoy", new SearchOptions { Size = 5, Cursor = forged });
        Assert.That(page.NextCursor, Is.Null, "the count cannot pass int.MaxValue, so there is no next page");
    }

    private static string Mutate(string cursor, Random rng)
    {
        var chars = cursor.ToCharArray();
        var at = rng.Next(chars.Length);
        chars[at] = chars[at] == 'A' ? 'B' : 'A';
        return new string(chars);
    }
}
