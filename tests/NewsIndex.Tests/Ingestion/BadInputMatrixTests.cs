using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using NewsIndex.Ingestion;

namespace NewsIndex.Tests.Ingestion;

/// <summary>
/// The bad-input matrix (issue 9, items 3 and 10): each hostile input → the articles that still come out and the
/// errors (kind and line) reported. No input may abort the run, hang or exhaust memory; the file after it is read.
/// Every case runs through the synchronous and the asynchronous reader.
/// </summary>
public class BadInputMatrixTests
{
    private string _dir = null!;

    [SetUp]
    public void SetUp() => _dir = TestPaths.NewTempDirectory();

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    private static readonly ArticleReaderOptions SmallLimit = new() { MaxArticleBytes = 1024 * 1024 };

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private string Write(string name, string text) => Write(name, Encoding.UTF8.GetBytes(text));

    private static byte[] Gzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return buffer.ToArray();
    }

    /// <summary>Reads the folder both ways, checks both agree, and returns ids and (file, line, kind) of errors.</summary>
    private async Task<(string[] Ids, (string File, int Line, IngestionErrorKind Kind)[] Errors)> ReadBothWays(ArticleReaderOptions? options = null)
    {
        var syncErrors = new List<IngestionError>();
        var syncIds = ArticleReader.Read(_dir, syncErrors.Add, options).Select(a => a.Id).ToArray();
        var asyncErrors = new List<IngestionError>();
        var asyncIds = new List<string>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await foreach (var article in ArticleReader.ReadAsync(_dir, asyncErrors.Add, options, cancellationToken: timeout.Token))
        {
            asyncIds.Add(article.Id);
        }

        Assert.That(asyncIds, Is.EqualTo(syncIds), "async ids");
        // Same errors in the same order; only a message detail may differ (the XML reader's sync and async decoders
        // word an all-NUL file differently).
        Assert.That(asyncErrors.Select(e => (e.Path, e.Kind)), Is.EqualTo(syncErrors.Select(e => (e.Path, e.Kind))), "async errors");
        return (syncIds, syncErrors.Select(e => (Path.GetFileName(e.Path), e.Line, e.Kind)).ToArray());
    }

    [Test]
    public async Task JsonLines_LoneSurrogateInAnyString_IsAnErrorForThatLineOnly()
    {
        Write("a.jsonl", string.Join('\n',
            """{"id":"ok-1","body":"x"}""",
            """{"id":"body-bad","body":"text \ud800 more"}""",
            """{"id":"low-alone","title":"\udc00"}""",
            """{"id":"authors-bad","authors":["A","\ud83d"]}""",
            """{"id":"pair-ok","body":"emoji \ud83d\ude00 fine"}"""));
        var (ids, errors) = await ReadBothWays();
        Assert.That(ids, Is.EqualTo(new[] { "ok-1", "pair-ok" }));
        Assert.That(errors, Is.EqualTo(new[]
        {
            ("a.jsonl", 2, IngestionErrorKind.InvalidField), ("a.jsonl", 3, IngestionErrorKind.InvalidField), ("a.jsonl", 4, IngestionErrorKind.InvalidField),
        }));
    }

    [Test]
    public async Task JsonLines_IdsThatDifferOnlyInLoneSurrogates_AreBothRejected_NeverCollide()
    {
        Write("a.jsonl", "{\"id\":\"a\\uD800\",\"body\":\"one\"}\n{\"id\":\"a\\uDBFF\",\"body\":\"two\"}\n{\"id\":\"a\",\"body\":\"three\"}\n");
        var errors = new List<IngestionError>();
        var articles = ArticleReader.Read(_dir, errors.Add).ToList();
        Assert.That(articles.Select(a => (a.Id, a.Body)), Is.EqualTo(new[] { ("a", "three") }));
        Assert.That(errors.Select(e => (e.Line, e.Kind)), Is.EqualTo(new[] { (1, IngestionErrorKind.InvalidField), (2, IngestionErrorKind.InvalidField) }));
        Assert.That(errors[0].Message, Does.Contain("field 'id'").And.Contain("lone UTF-16 surrogate"));
        await Task.CompletedTask;
    }

    [Test]
    public async Task JsonLines_IdOrSourceOverTheTermLimit_IsAnErrorForThatRecord()
    {
        var longId = new string('x', 32_767);
        var longSource = new string('é', 16_384); // 32,768 UTF-8 bytes in 16,384 chars
        var atLimit = new string('y', 32_766);
        Write("a.jsonl", string.Join('\n',
            $$"""{"id":"{{longId}}","body":"x"}""",
            $$"""{"id":"s","source":"{{longSource}}","body":"x"}""",
            $$"""{"id":"{{atLimit}}","body":"the limit itself is fine"}""",
            """{"id":"after","body":"x"}"""));
        var (ids, errors) = await ReadBothWays();
        Assert.That(ids, Is.EqualTo(new[] { atLimit, "after" }));
        Assert.That(errors, Is.EqualTo(new[] { ("a.jsonl", 1, IngestionErrorKind.InvalidId), ("a.jsonl", 2, IngestionErrorKind.InvalidId) }));
    }

    [Test]
    public async Task JsonLines_DatesInEveryFormat_BareYearKeptUndated_NonsenseRejected()
    {
        Write("a.jsonl", string.Join('\n',
            """{"id":"rfc","published":"Mon, 15 Aug 2022 10:32:00 GMT"}""",
            """{"id":"year","published":"2022"}""",
            """{"id":"written","date":"Monday 15 August 2022 10.32 BST"}""",
            """{"id":"bad","published":"soon"}"""));
        var errors = new List<IngestionError>();
        var stats = new IngestionStats();
        var articles = ArticleReader.Read(_dir, errors.Add, stats: stats).ToDictionary(a => a.Id);
        Assert.That(articles.Keys, Is.EqualTo(new[] { "rfc", "year", "written" }));
        Assert.That(articles["rfc"].Published, Is.EqualTo(new DateTimeOffset(2022, 8, 15, 10, 32, 0, TimeSpan.Zero)));
        Assert.That(articles["year"].Published, Is.Null);
        Assert.That(articles["written"].Published, Is.EqualTo(new DateTimeOffset(2022, 8, 15, 9, 32, 0, TimeSpan.Zero)));
        Assert.That(errors.Select(e => (e.Line, e.Kind)), Is.EqualTo(new[] { (4, IngestionErrorKind.InvalidDate) }));
        Assert.That((stats.Articles, stats.Undated, stats.Errors), Is.EqualTo((3L, 1L, 1L)));
        await Task.CompletedTask;
    }

    [Test]
    public async Task Gzip_TruncatedOrNotGzip_EndsThatSourceWithAClearError_AndTheNextFileIsRead()
    {
        var lines = new StringBuilder();
        var random = new Random(12345);
        for (var i = 0; i < 5000; i++)
        {
            lines.Append("{\"id\":\"t").Append(i).Append("\",\"body\":\"").Append(random.Next()).Append("\"}\n");
        }

        var whole = Gzip(lines.ToString());
        Write("a-truncated.jsonl.gz", whole[..(whole.Length / 2)]);
        Write("b-not-gzip.jsonl.gz", "{\"id\":\"plain\"}\n");
        Write("c-empty.jsonl.gz", []);
        Write("d-good.jsonl.gz", Gzip("{\"id\":\"good\"}\n"));
        var (ids, errors) = await ReadBothWays();
        Assert.That(ids[^1], Is.EqualTo("good"));
        Assert.That(ids.Length, Is.InRange(2, 5000), "what was decompressed before the cut is kept");
        Assert.That(ids[..^1], Is.EqualTo(Enumerable.Range(0, ids.Length - 1).Select(i => "t" + i)));
        Assert.That(errors, Is.EqualTo(new[]
        {
            ("a-truncated.jsonl.gz", 0, IngestionErrorKind.CorruptStream),
            ("b-not-gzip.jsonl.gz", 0, IngestionErrorKind.CorruptStream),
            ("c-empty.jsonl.gz", 0, IngestionErrorKind.CorruptStream),
        }));
        var messages = new List<IngestionError>();
        _ = ArticleReader.Read(_dir, messages.Add).ToList();
        Assert.That(messages[0].Message, Does.Contain("truncated or corrupt"));
        Assert.That(messages[1].Message, Does.Contain("not gzip data"));
    }

    [Test]
    public async Task SpecialFiles_DevZeroSymlinksAndFifos_AreBoundedOrSkipped_NeverHang()
    {
        Assume.That(OperatingSystem.IsLinux() && File.Exists("/dev/zero"), "needs /dev/zero and mkfifo");
        File.CreateSymbolicLink(Path.Combine(_dir, "a-zero.txt"), "/dev/zero");
        File.CreateSymbolicLink(Path.Combine(_dir, "b-zero.jsonl"), "/dev/zero");
        File.CreateSymbolicLink(Path.Combine(_dir, "c-zero.html"), "/dev/zero");
        File.CreateSymbolicLink(Path.Combine(_dir, "d-zero.rss"), "/dev/zero");
        File.CreateSymbolicLink(Path.Combine(_dir, "e-zero.jsonl.gz"), "/dev/zero");
        using (var mkfifo = Process.Start("mkfifo", Path.Combine(_dir, "f-pipe.txt")))
        {
            await mkfifo.WaitForExitAsync();
            Assert.That(mkfifo.ExitCode, Is.Zero);
        }

        File.CreateSymbolicLink(Path.Combine(_dir, "g-dangling.txt"), Path.Combine(_dir, "nowhere"));
        Write("z-good.txt", "Still read\n\nThe file after the special ones.");
        var (ids, errors) = await ReadBothWays(SmallLimit);
        Assert.That(ids, Is.EqualTo(new[] { "z-good" }));
        Assert.That(errors, Is.EqualTo(new[]
        {
            ("a-zero.txt", 0, IngestionErrorKind.NotARegularFile),
            ("b-zero.jsonl", 1, IngestionErrorKind.TooLarge),
            ("b-zero.jsonl", 0, IngestionErrorKind.NotARegularFile),
            ("c-zero.html", 0, IngestionErrorKind.NotARegularFile),
            ("d-zero.rss", 0, IngestionErrorKind.InvalidFeed),
            ("e-zero.jsonl.gz", 0, IngestionErrorKind.CorruptStream),
            ("f-pipe.txt", 0, IngestionErrorKind.NotARegularFile),
            ("g-dangling.txt", 0, IngestionErrorKind.NotFound),
        }));
    }

    [Test]
    public async Task EmptyAndBinaryFiles_OfEveryFormat_AreReported_AndReadingGoesOn()
    {
        Write("a.txt", []);
        Write("b.html", "   \n");
        Write("c.rss", []);
        Write("d.atom", "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Empty feed</title></feed>");
        Write("e.jsonl", []);
        Write("f.html", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00]);
        Write("g.txt", "Last\n\nRead.");
        var (ids, errors) = await ReadBothWays();
        Assert.That(ids, Is.EqualTo(new[] { "g" }));
        Assert.That(errors, Is.EqualTo(new[]
        {
            ("a.txt", 0, IngestionErrorKind.Empty),
            ("b.html", 0, IngestionErrorKind.Empty),
            ("c.rss", 0, IngestionErrorKind.InvalidFeed),
            ("f.html", 1, IngestionErrorKind.InvalidText),
        }), "an empty feed and an empty JSON Lines file are valid and hold no articles");
    }

    [Test]
    public async Task ReadAsync_Cancellation_StopsTheEnumeration()
    {
        Write("a.jsonl", string.Concat(Enumerable.Range(0, 100).Select(i => $"{{\"id\":\"{i}\"}}\n")));
        using var cancel = new CancellationTokenSource();
        var seen = 0;
        Assert.That(async () =>
        {
            await foreach (var article in ArticleReader.ReadAsync(_dir, cancellationToken: cancel.Token))
            {
                if (++seen == 3)
                {
                    await cancel.CancelAsync();
                }
            }
        }, Throws.InstanceOf<OperationCanceledException>());
        Assert.That(seen, Is.LessThan(100));
        await Task.CompletedTask;
    }
}
