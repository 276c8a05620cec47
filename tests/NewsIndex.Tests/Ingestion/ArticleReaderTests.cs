using System.IO.Compression;
using System.Text;
using NewsIndex.Ingestion;

namespace NewsIndex.Tests.Ingestion;

public class ArticleReaderTests
{
    private string _dir = null!;

    [SetUp]
    public void SetUp() => _dir = TestPaths.NewTempDirectory();

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private string Write(string name, string text) => Write(name, Encoding.UTF8.GetBytes(text));

    private static (List<Article> Articles, List<IngestionError> Errors) ReadAll(string path, ArticleReaderOptions? options = null)
    {
        var errors = new List<IngestionError>();
        var articles = ArticleReader.Read(path, errors.Add, options).ToList();
        return (articles, errors);
    }

    [Test]
    public void Read_Folder_ReadsTextAndJsonLinesInPathOrder()
    {
        Write("b.txt", "Second\n\nBody two.");
        Write("a.txt", "First\n\nBody one.");
        Write("c.jsonl", "{\"id\":\"j1\",\"title\":\"T\",\"body\":\"B\"}\n");
        var (articles, errors) = ReadAll(_dir);
        Assert.That(errors, Is.Empty);
        Assert.That(articles.Select(a => a.Id), Is.EqualTo(new[] { "a", "b", "j1" }));
    }

    [Test]
    public void Read_EmptyFile_IsReportedWithItsPath()
    {
        var path = Write("empty.txt", "  \n\n");
        var (articles, errors) = ReadAll(path);
        Assert.That(articles, Is.Empty);
        Assert.That(errors.Single().ToString(), Is.EqualTo($"{path}: file is empty"));
    }

    [Test]
    public void Read_BinaryFile_IsReported()
    {
        var path = Write("image.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]);
        var error = ReadAll(path).Errors.Single();
        Assert.That(error.Message, Does.StartWith("binary data, not text (NUL byte at offset 8)"));
        Assert.That(error.Path, Is.EqualTo(path));
    }

    [Test]
    public void Read_InvalidUtf8_NamesTheLine()
    {
        var bytes = Encoding.UTF8.GetBytes("Title\n\nline two\nline three has a bad byte: ").Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.UTF8.GetBytes(" here\n")).ToArray();
        var error = ReadAll(Write("bad.txt", bytes)).Errors.Single();
        Assert.That(error.Line, Is.EqualTo(4));
        Assert.That(error.Message, Does.StartWith("invalid UTF-8 (byte 0xC3"));
    }

    [Test]
    public void Read_Utf16WithBom_IsDecoded()
    {
        var path = Write("utf16.txt", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("Niger’s junta\n\nText.")).ToArray());
        Assert.That(ReadAll(path).Articles.Single().Title, Is.EqualTo("Niger’s junta"));
    }

    [Test]
    public void Read_ArticleOverTheSizeLimit_IsRefusedNotTruncated_AndTheNextFileIsRead()
    {
        var big = new StringBuilder("Huge\n\n");
        while (big.Length < 50 * 1024 * 1024)
        {
            big.Append("Russian troops entered Airbase 101 in Niamey. ");
        }

        Write("a-big.txt", big.ToString());
        Write("b-small.txt", "Small\n\nFine.");
        var (articles, errors) = ReadAll(_dir);
        Assert.That(articles.Select(a => a.Id), Is.EqualTo(new[] { "b-small" }));
        Assert.That(errors.Single().Message, Does.Contain("over the 16,777,216-byte limit"));
    }

    [Test]
    public void Read_FiftyMegabyteArticle_IsReadWhenTheLimitAllowsIt()
    {
        var big = new StringBuilder("Huge\n\n");
        while (big.Length < 50 * 1024 * 1024)
        {
            big.Append("Russian troops entered Airbase 101 in Niamey. ");
        }

        var path = Write("big.txt", big.ToString());
        var article = ReadAll(path, new ArticleReaderOptions { MaxArticleBytes = 64 * 1024 * 1024 }).Articles.Single();
        Assert.That(article.Body.Length, Is.GreaterThan(50_000_000));
    }

    [Test]
    public void ReadJsonLines_BadLines_AreReportedWithLineNumbers_AndTheRestIsRead()
    {
        var lines = new[]
        {
            "{\"id\":\"ok-1\",\"title\":\"One\",\"body\":\"Body\",\"published\":\"2024-05-03T13:49:00Z\",\"authors\":[\"A\",\"B\"],\"extra\":{\"x\":1}}",
            "this is not json",
            "{\"id\":\"bad-type\",\"title\":42}",
            "{\"title\":\"no id\"}",
            "",
            "{\"id\":\"bad-date\",\"published\":\"yesterday\"}",
            "[1,2,3]",
            "{\"id\":7,\"body\":\"numeric ids are accepted\",\"date\":\"1987-02-26T15:01:01.790\"}",
        };
        var path = Write("mixed.jsonl", string.Join("\r\n", lines));
        var (articles, errors) = ReadAll(path);
        Assert.That(articles.Select(a => a.Id), Is.EqualTo(new[] { "ok-1", "7" }));
        Assert.That(articles[0].Authors, Is.EqualTo(new[] { "A", "B" }));
        Assert.That(articles[1].Published, Is.EqualTo(new DateTimeOffset(1987, 2, 26, 15, 1, 1, 790, TimeSpan.Zero)));
        Assert.That(errors.Select(e => (e.Line, e.Message.Split(' ')[0])), Is.EqualTo(new[]
        {
            (2, "not"), (3, "field"), (4, "missing"), (6, "field"), (7, "expected"),
        }));
        Assert.That(errors[1].Message, Is.EqualTo("field 'title' must be a string, found number"));
        Assert.That(errors[3].Message, Is.EqualTo("field 'published' is not a date: \"yesterday\""));
        Assert.That(errors.All(e => e.Path == path), Is.True);
    }

    [Test]
    public void ReadJsonLines_GzipAndBom_AreHandled()
    {
        var path = Path.Combine(_dir, "a.jsonl.gz");
        using (var file = File.Create(path))
        using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetPreamble());
            gzip.Write(Encoding.UTF8.GetBytes("{\"id\":\"g1\",\"body\":\"x\"}\n{\"id\":\"g2\",\"body\":\"y\"}"));
        }

        Assert.That(ReadAll(path).Articles.Select(a => a.Id), Is.EqualTo(new[] { "g1", "g2" }));
    }

    [Test]
    public void ReadJsonLines_InvalidUtf8OnOneLine_OnlyThatLineFails()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"id\":\"a\",\"body\":\"x\"}\n{\"id\":\"b\",\"body\":\"").Concat(new byte[] { 0xFF }).Concat(Encoding.UTF8.GetBytes("\"}\n{\"id\":\"c\",\"body\":\"z\"}\n")).ToArray();
        var (articles, errors) = ReadAll(Write("u.jsonl", bytes));
        Assert.That(articles.Select(a => a.Id), Is.EqualTo(new[] { "a", "c" }));
        Assert.That(errors.Single().Line, Is.EqualTo(2));
    }

    [Test]
    public void ReadJsonLines_RecordOverTheLimit_IsSkippedWithoutBufferingIt()
    {
        var huge = "{\"id\":\"huge\",\"body\":\"" + new string('x', 300_000) + "\"}";
        var path = Write("h.jsonl", "{\"id\":\"a\"}\n" + huge + "\n{\"id\":\"b\"}\n");
        var (articles, errors) = ReadAll(path, new ArticleReaderOptions { MaxArticleBytes = 128 * 1024 });
        Assert.That(articles.Select(a => a.Id), Is.EqualTo(new[] { "a", "b" }));
        Assert.That(errors.Single().Line, Is.EqualTo(2));
    }

    [Test]
    public void Read_WithoutHandler_ThrowsTypedErrorWithFileAndLine()
    {
        var path = Write("x.jsonl", "{\"id\":\"a\"}\n{oops\n");
        var ex = Assert.Throws<ArticleFormatException>(() => ArticleReader.Read(path).ToList());
        Assert.That(ex!.Error.Line, Is.EqualTo(2));
        Assert.That(ex.Message, Does.StartWith($"{path}:2: not valid JSON"));
    }

    [Test]
    public void Read_MissingPath_IsReported()
    {
        var error = ReadAll(Path.Combine(_dir, "nope")).Errors.Single();
        Assert.That(error.Message, Is.EqualTo("no such file or folder"));
    }
}
