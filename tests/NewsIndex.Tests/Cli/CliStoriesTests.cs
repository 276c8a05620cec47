using System.Text.Json;

namespace NewsIndex.Tests.Cli;

/// <summary>End-to-end: stories, story, timeline and search --collapse on the bundled seeds (five reports of one event).</summary>
[NonParallelizable]
public class CliStoriesTests
{
    private string _home = null!;

    [OneTimeSetUp]
    public void SetUp() => _home = TestPaths.NewTempDirectory();

    [OneTimeTearDown]
    public void TearDown() => Directory.Delete(_home, recursive: true);

    [Test]
    public void SearchCollapse_StoriesAndStory_AgreeOnTheSeedsStory()
    {
        var (code, stdout, stderr) = CliRunner.Run(_home, "search", "--json", "--collapse", "niger");
        Assert.That(code, Is.Zero, stderr);
        using var search = JsonDocument.Parse(stdout);
        Assert.That(search.RootElement.GetProperty("total").GetInt32(), Is.EqualTo(5));
        Assert.That(search.RootElement.GetProperty("total_stories").GetInt32(), Is.EqualTo(1));
        var hit = search.RootElement.GetProperty("hits").EnumerateArray().Single();
        var story = hit.GetProperty("story").GetString()!;
        Assert.That(hit.GetProperty("collapsed").GetProperty("size").GetInt32(), Is.EqualTo(5));

        (code, stdout, stderr) = CliRunner.Run(_home, "stories", "--json", "country:NE");
        Assert.That(code, Is.Zero, stderr);
        using var stories = JsonDocument.Parse(stdout);
        var listed = stories.RootElement.GetProperty("stories").EnumerateArray().Single();
        Assert.That(listed.GetProperty("id").GetString(), Is.EqualTo(story));
        Assert.That(listed.GetProperty("sources").EnumerateArray().Select(s => s.GetString()), Is.EqualTo(new[] { "BBC" }));

        (code, stdout, stderr) = CliRunner.Run(_home, "story", "--json", story);
        Assert.That(code, Is.Zero, stderr);
        using var detail = JsonDocument.Parse(stdout);
        var ids = detail.RootElement.GetProperty("articles").EnumerateArray().Select(a => a.GetProperty("id").GetString()).ToArray();
        Assert.That(ids, Has.Length.EqualTo(5));
        Assert.That(ids[0], Is.EqualTo("000_9445bf836e478527"), "the one dated report comes first");

        (code, stdout, _) = CliRunner.Run(_home, "show", "--json", ids[0]!);
        Assert.That(code, Is.Zero);
        using var shown = JsonDocument.Parse(stdout);
        Assert.That(shown.RootElement.GetProperty("story").GetString(), Is.EqualTo(story));
    }

    [Test]
    public void Story_UnknownId_FailsWithAClearMessage()
    {
        var (code, _, stderr) = CliRunner.Run(_home, "story", "s000000000000");
        Assert.That(code, Is.EqualTo(1));
        Assert.That(stderr, Does.Contain("no story with id \"s000000000000\""));
    }

    [Test]
    public void Timeline_PrintsCsvAndDrawsAPng()
    {
        var png = Path.Combine(_home, "timeline.png");
        var (code, stdout, stderr) = CliRunner.Run(_home, "timeline", "--csv", "--by", "country", "--interval", "month", "--png", png, "country:NE");
        Assert.That(code, Is.Zero, stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines[0], Is.EqualTo("bucket,series,count"));
        Assert.That(lines, Does.Contain("2024-05,NE,1"));
        Assert.That(new FileInfo(png).Length, Is.GreaterThan(1000));
        Assert.That(File.ReadAllBytes(png)[1..4], Is.EqualTo("PNG"u8.ToArray()));
    }
}
