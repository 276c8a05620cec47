using System.Text.Json;

namespace NewsIndex.Tests.Cli;

/// <summary>End-to-end: the real executable, a private data directory, the bundled seeds.</summary>
[NonParallelizable]
public class CliEndToEndTests
{
    private string _home = null!;

    [OneTimeSetUp]
    public void SetUp() => _home = TestPaths.NewTempDirectory();

    [OneTimeTearDown]
    public void TearDown() => Directory.Delete(_home, recursive: true);

    [Test]
    public void Search_WithoutIndex_BuildsTheSeedsIndexOnFirstUse_AndPrintsHits()
    {
        var (code, stdout, stderr) = CliRunner.Run(_home, "search", "force:Wagner");
        Assert.That(code, Is.Zero, stderr);
        Assert.That(stdout, Does.StartWith("2 articles match force:Wagner"));
        Assert.That(stdout, Does.Contain("Russian Forces Enter Niger Airbase").And.Contain("[Wagner Group]"));
        Assert.That(Directory.Exists(Path.Combine(_home, "seeds-index")), Is.True);
    }

    [Test]
    public void SearchJson_HasTheDocumentedShape()
    {
        var (code, stdout, stderr) = CliRunner.Run(_home, "search", "--json", "--facets", "--size", "2", "country:Nigeria OR country:Iran");
        Assert.That(code, Is.Zero, stderr);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.That(root.GetProperty("query").GetString(), Is.EqualTo("country:Nigeria OR country:Iran"));
        Assert.That(root.GetProperty("total").GetInt32(), Is.EqualTo(2));
        var hit = root.GetProperty("hits")[0];
        foreach (var name in new[] { "id", "title", "published", "source", "score", "countries", "forces", "bases", "about", "snippets", "why" })
        {
            Assert.That(hit.TryGetProperty(name, out _), Is.True, name);
        }

        var countries = root.GetProperty("hits").EnumerateArray().SelectMany(h => h.GetProperty("countries").EnumerateArray().Select(c => c.GetString())).ToArray();
        Assert.That(countries, Has.All.Matches<string>(c => c.Length == 2 && c.All(char.IsAsciiLetterUpper)), "ISO alpha-2");
        Assert.That(hit.GetProperty("about").GetProperty("countries").GetArrayLength(), Is.GreaterThan(0));
        Assert.That(root.GetProperty("facets").GetProperty("country").EnumerateArray().Select(c => c.GetProperty("value").GetString()), Does.Contain("NG").And.Contain("IR"));
    }

    [Test]
    public void Show_PrintsEveryMentionWithOffsets()
    {
        var (code, stdout, _) = CliRunner.Run(_home, "show", "--json", "003_8446d4a6d8f890ab");
        Assert.That(code, Is.Zero);
        using var json = JsonDocument.Parse(stdout);
        var body = json.RootElement.GetProperty("body").GetString()!;
        var mentions = json.RootElement.GetProperty("mentions").EnumerateArray().Where(m => m.GetProperty("field").GetString() == "body").ToArray();
        Assert.That(mentions, Is.Not.Empty);
        foreach (var m in mentions)
        {
            Assert.That(body[m.GetProperty("start").GetInt32()..m.GetProperty("end").GetInt32()], Is.EqualTo(m.GetProperty("text").GetString()));
        }

        Assert.That(mentions.Select(m => m.GetProperty("id").GetString()), Does.Contain("NG").And.Contain("boko-haram").And.Contain("iswap"));
    }

    [Test]
    public void Index_FolderIntoNewIndex_ThenSearchStatsExportRelated()
    {
        var input = Path.Combine(_home, "input");
        Directory.CreateDirectory(input);
        File.WriteAllText(Path.Combine(input, "a.txt"), "Wagner in Mali\n\nBAMAKO — Wagner fighters reached Air Base 101 near Bamako, Mali.");
        File.WriteAllText(Path.Combine(input, "b.jsonl"), "{\"id\":\"b1\",\"title\":\"Drones\",\"body\":\"US drones left Air Base 201 in Agadez, Niger.\"}\nnot json\n");
        var indexDir = Path.Combine(_home, "my-index");

        var (code, stdout, stderr) = CliRunner.Run(_home, "index", "--index", indexDir, input);
        Assert.That(code, Is.EqualTo(5), stderr); // partial ingestion: the bad line was skipped
        Assert.That(stdout, Does.StartWith("indexed 2 articles"));
        Assert.That(stdout, Does.Contain("; 2 undated (no publication date found); 1 errors;"));
        Assert.That(stderr, Does.Contain("b.jsonl:2: not valid JSON"));

        var search = CliRunner.Run(_home, "search", "--index", indexDir, "--json", "base:\"Air Base 101\"");
        using (var json = JsonDocument.Parse(search.Stdout))
        {
            Assert.That(json.RootElement.GetProperty("hits")[0].GetProperty("bases")[0].GetString(), Is.EqualTo("ml-air-base-101"));
        }

        Assert.That(CliRunner.Run(_home, "stats", "--index", indexDir).Stdout, Does.Contain("articles  2 "));
        var export = CliRunner.Run(_home, "export", "--index", indexDir).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(export.Select(line => JsonDocument.Parse(line).RootElement.GetProperty("id").GetString()), Is.EquivalentTo(new[] { "a", "b1" }));
        Assert.That(CliRunner.Run(_home, "related", "--index", indexDir, "a").ExitCode, Is.Zero);
    }

    [Test]
    public void Entities_BrowsesTheCatalog()
    {
        var (code, stdout, _) = CliRunner.Run(_home, "entities", "--kind", "base", "Agadez");
        Assert.That(code, Is.Zero);
        Assert.That(stdout, Does.Contain("ne-air-base-201").And.Contain("Air Base 201 Agadez in NE"));
    }

    [TestCase(new[] { "search", "country:Atlantis" }, "newsindex: error: no country named \"Atlantis\" in the catalog at position 9")]
    [TestCase(new[] { "search", "(niger" }, "newsindex: error: unclosed '(' at position 1")]
    [TestCase(new[] { "show", "no-such-id" }, "newsindex: error: no article with id \"no-such-id\"")]
    [TestCase(new[] { "search", "--index", "/nonexistent/newsindex", "niger" }, "newsindex: error: no index at /nonexistent/newsindex")]
    public void Errors_ExitNonZero_WithOneLineOnStderr(string[] args, string message)
    {
        var (code, stdout, stderr) = CliRunner.Run(_home, args);
        Assert.That(code, Is.Not.Zero);
        Assert.That(stdout, Is.Empty);
        Assert.That(stderr.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(stderr, Does.StartWith(message));
    }

    [TestCase("search")]
    [TestCase("index")]
    [TestCase("show")]
    [TestCase("export")]
    [TestCase("entities")]
    [TestCase("related")]
    [TestCase("stats")]
    [TestCase("delete")]
    [TestCase("verify")]
    public void EveryCommand_HasHelp(string command)
    {
        var (code, stdout, _) = CliRunner.Run(_home, command, "--help");
        Assert.That(code, Is.Zero);
        Assert.That(stdout, Does.Contain("Usage:").And.Contain(command));
    }
}
