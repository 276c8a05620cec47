using System.Text.Json;
using NewsIndex.Entities;
using NewsIndex.Ingestion;

namespace NewsIndex.Tests.Cli;

/// <summary>The real executable: multi-word queries, <c>delete</c>, <c>export QUERY</c>, <c>--catalog</c>, and one exit
/// code per outcome (SIGTERM's 130 and verify's damaged-index 2 are in <see cref="CliReliabilityTests"/>).</summary>
[NonParallelizable]
public class CliCommandsTests
{
    private const string Catalog = """{ "forces": [ { "id": "zorro-brigade", "name": "Zorro Brigade", "type": "militia", "country": "ML", "aliases": ["Zorro Brigade", "Zorro fighters"] } ] }""";

    private string _home = null!;
    private string _input = null!;

    [OneTimeSetUp]
    public void SetUp()
    {
        _home = TestPaths.NewTempDirectory();
        _input = Path.Combine(_home, "input");
        Directory.CreateDirectory(_input);
        File.WriteAllText(Path.Combine(_input, "a.txt"), "Wagner in Mali\n\nBAMAKO — Wagner fighters reached Air Base 101 near Bamako, Mali.");
        File.WriteAllText(Path.Combine(_input, "z.jsonl"), """
            {"id":"z1","title":"Zorro Brigade clashes","body":"The Zorro Brigade fought the army near Mopti, Mali.","published":"2024-03-02"}
            {"id":"n1","title":"Drones","body":"US drones left Air Base 201 in Agadez, Niger.","published":"2024-04-01"}
            {"id":"n2","title":"Convoy","body":"A convoy reached Agadez, Niger, on Tuesday.","published":"2024-04-02"}
            """);
    }

    [OneTimeTearDown]
    public void TearDown() => Directory.Delete(_home, recursive: true);

    [Test]
    public void Search_QueryGivenAsSeveralWords_IsJoinedWithSpaces()
    {
        var (code, stdout, stderr) = CliRunner.Run(_home, "search", "--json", "force:Wagner", "niger");
        Assert.That(code, Is.Zero, stderr);
        using var json = JsonDocument.Parse(stdout);
        Assert.That(json.RootElement.GetProperty("query").GetString(), Is.EqualTo("force:Wagner niger"));
        Assert.That(json.RootElement.GetProperty("total").GetInt32(), Is.EqualTo(2));
    }

    [Test]
    public void Search_WordLookingLikeAnOption_IsAUsageError_ButANegationIsAQueryWord()
    {
        var (code, _, stderr) = CliRunner.Run(_home, "search", "wagner", "--bogus");
        Assert.That(code, Is.EqualTo(64), stderr);
        Assert.That(stderr, Does.Contain("unknown option --bogus"));

        var negated = CliRunner.Run(_home, "search", "--json", "force:Wagner", "-country:Niger");
        Assert.That(negated.ExitCode, Is.Zero, negated.Stderr);
        using var json = JsonDocument.Parse(negated.Stdout);
        Assert.That(json.RootElement.GetProperty("query").GetString(), Does.Contain("-country:Niger").Or.Contain("NOT"));
    }

    [TestCase("search", "--sort", "sideways", "niger")]
    [TestCase("search")]
    [TestCase("frobnicate")]
    [TestCase("delete")]
    [TestCase("index", "--threads", "0", "x")]
    public void UsageErrors_Exit64(params string[] args)
    {
        var (code, stdout, stderr) = CliRunner.Run(_home, args);
        Assert.That(code, Is.EqualTo(64), stdout + stderr);
    }

    [Test]
    public void Help_DocumentsTheExitCodes()
    {
        var (code, stdout, _) = CliRunner.Run(_home, "--help");
        Assert.That(code, Is.Zero);
        Assert.That(stdout, Does.Contain("Exit codes: 0 ok, 1 error, 2 damaged index, 3 article not found, 4 index in use by another writer, 5 indexed but some records were skipped, 64 usage error, 130 interrupted"));
    }

    [Test]
    public void Index_Help_ListsEveryInputFormat()
    {
        var (_, stdout, _) = CliRunner.Run(_home, "index", "--help");
        foreach (var pattern in new ArticleReaderOptions().FolderPatterns)
        {
            Assert.That(stdout, Does.Contain(pattern.TrimStart('*')), pattern);
        }

        Assert.That(stdout, Does.Contain("RSS or Atom"));
    }

    [Test]
    public void ShowAndRelated_UnknownId_Exit3()
    {
        Assert.That(CliRunner.Run(_home, "show", "no-such-id").ExitCode, Is.EqualTo(3));
        Assert.That(CliRunner.Run(_home, "related", "no-such-id").ExitCode, Is.EqualTo(3));
    }

    [Test]
    public void CustomCatalog_IndexSearchShowExportStatsVerifyDelete()
    {
        var catalog = Path.Combine(_home, "catalog.json");
        File.WriteAllText(catalog, Catalog);
        var index = Path.Combine(_home, "custom-index");

        var indexed = CliRunner.Run(_home, "index", "--index", index, "--catalog", catalog, _input);
        Assert.That(indexed.ExitCode, Is.Zero, indexed.Stderr);
        Assert.That(indexed.Stdout, Does.StartWith("indexed 4 articles").And.Contain("; 1 undated (no publication date found);"));

        // Without the catalog the index is refused, and the error says how to open it.
        var locked = CliRunner.Run(_home, "search", "--index", index, "mali");
        Assert.That(locked.ExitCode, Is.EqualTo(1));
        Assert.That(locked.Stderr, Does.Contain("--catalog FILE"));

        var search = CliRunner.Run(_home, "search", "--index", index, "--catalog", catalog, "--json", "force:\"Zorro Brigade\"");
        Assert.That(search.ExitCode, Is.Zero, search.Stderr);
        using (var json = JsonDocument.Parse(search.Stdout))
        {
            var hit = json.RootElement.GetProperty("hits")[0];
            Assert.That(hit.GetProperty("id").GetString(), Is.EqualTo("z1"));
            Assert.That(hit.GetProperty("names").GetProperty("forces").GetProperty("zorro-brigade").GetString(), Is.EqualTo("Zorro Brigade"));
            Assert.That(hit.GetProperty("names").GetProperty("countries").GetProperty("ML").GetString(), Is.EqualTo("Mali"));
        }

        // $NEWSINDEX_CATALOG is the default of --catalog.
        var viaEnvironment = CliRunner.Run(_home, new Dictionary<string, string> { ["NEWSINDEX_CATALOG"] = catalog }, "show", "--index", index, "z1");
        Assert.That(viaEnvironment.ExitCode, Is.Zero, viaEnvironment.Stderr);
        Assert.That(viaEnvironment.Stdout, Does.Contain("zorro-brigade"));

        Assert.That(CliRunner.Run(_home, "stats", "--index", index, "--catalog", catalog).Stdout, Does.Contain("articles  4 "));
        Assert.That(CliRunner.Run(_home, "related", "--index", index, "--catalog", catalog, "z1").ExitCode, Is.Zero);
        var verify = CliRunner.Run(_home, "verify", "--index", index, "--catalog", catalog, "--json");
        using (var json = JsonDocument.Parse(verify.Stdout))
        {
            Assert.That(json.RootElement.GetProperty("problems").GetArrayLength(), Is.Zero, verify.Stdout);
        }

        var entities = CliRunner.Run(_home, "entities", "--catalog", catalog, "--kind", "force", "zorro", "fighters");
        Assert.That(entities.Stdout, Does.Contain("zorro-brigade"));

        // export QUERY: only matching articles, whole (body and mentions), newest first.
        var export = CliRunner.Run(_home, "export", "--index", index, "--catalog", catalog, "country:Niger");
        Assert.That(export.ExitCode, Is.Zero, export.Stderr);
        var lines = export.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.That(lines.Select(l => l.GetProperty("id").GetString()), Is.EqualTo(new[] { "n2", "n1" }));
        Assert.That(lines[0].GetProperty("body").GetString(), Does.StartWith("A convoy reached Agadez"));
        Assert.That(CliRunner.Run(_home, "export", "--index", index, "--catalog", catalog).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(4));

        // delete: the known ids go (committed), the unknown are named, exit code 3.
        var delete = CliRunner.Run(_home, "delete", "--index", index, "--catalog", catalog, "n1", "nope", "z1");
        Assert.That(delete.ExitCode, Is.EqualTo(3), delete.Stderr);
        Assert.That(delete.Stdout, Does.StartWith("deleted 2 articles from "));
        Assert.That(delete.Stderr.Trim(), Does.EndWith("not found in " + index + ": \"nope\""));
        var after = CliRunner.Run(_home, "export", "--index", index, "--catalog", catalog).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(after.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()), Is.EquivalentTo(new[] { "a", "n2" }));
        Assert.That(CliRunner.Run(_home, "delete", "--index", index, "--catalog", catalog, "n2").ExitCode, Is.Zero);
    }

    [Test]
    public void Search_WithCatalog_ButNoUserIndex_SaysToGiveTheIndex()
    {
        var catalog = Path.Combine(_home, "catalog-only.json");
        File.WriteAllText(catalog, Catalog);
        var (code, _, stderr) = CliRunner.Run(TestPaths.NewTempDirectory(), "search", "--catalog", catalog, "niger");
        Assert.That(code, Is.EqualTo(1));
        Assert.That(stderr, Does.Contain("seeds index is built with the bundled catalog only"));
    }

    [Test]
    public void Writers_IndexHeldByAnotherWriter_Exit4()
    {
        var index = Path.Combine(_home, "held-index");
        using (var seed = ArticleIndex.Open(index))
        {
            seed.Upsert(new Article("x", "X", "Niger"));
            seed.Commit();
        }

        using var holder = ArticleIndex.Open(index, new ArticleIndexOptions { VerifyOnOpen = false });
        var delete = CliRunner.Run(_home, "delete", "--index", index, "x");
        Assert.That(delete.ExitCode, Is.EqualTo(4), delete.Stderr);
        Assert.That(delete.Stderr, Does.Contain("in use by another writer"));
        var indexing = CliRunner.Run(_home, "index", "--index", index, _input);
        Assert.That(indexing.ExitCode, Is.EqualTo(4), indexing.Stderr);
        Assert.That(CliRunner.Run(_home, "search", "--index", index, "niger").ExitCode, Is.Zero, "readers share a held index");
    }

    [Test]
    public void Delete_WithoutAnIndex_Exit1_AndCreatesNothing()
    {
        var missing = Path.Combine(_home, "no-index-here");
        var (code, _, stderr) = CliRunner.Run(_home, "delete", "--index", missing, "x");
        Assert.That(code, Is.EqualTo(1));
        Assert.That(stderr, Does.Contain("no index at"));
        Assert.That(Directory.Exists(missing), Is.False);
    }

    [Test]
    public void Index_NothingReadable_Exit1()
    {
        var bad = Path.Combine(_home, "bad.jsonl");
        File.WriteAllText(bad, "not json\n");
        var (code, _, stderr) = CliRunner.Run(_home, "index", "--index", Path.Combine(_home, "bad-index"), bad);
        Assert.That(code, Is.EqualTo(1), stderr);
    }
}
