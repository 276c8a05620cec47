using NewsIndex.Cli;
using NewsIndex.Entities;
using NewsIndex.Ingestion;
using Spectre.Console;

namespace NewsIndex.Tests.Cli;

/// <summary>The terminal renderings (Spectre.Console tables): hostile article text is escaped for the terminal and
/// cannot inject Spectre markup. Rendered in-process to a string with ANSI forced on, as on a terminal.</summary>
public class RichViewsTests
{
    private const string Hostile = "Niger \u001b]0;pwned\u0007 [red]spoof[/] \u202e title";

    private static string Render(Action<IAnsiConsole> render)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.TrueColor,
            Out = new AnsiConsoleOutput(writer),
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 200;
        render(console);
        return writer.ToString();
    }

    /// <summary>The dangerous sequences found raw in <paramref name="output"/> (ordinal: culture-aware search ignores control characters).</summary>
    private static string[] Raw(string output) =>
        new[] { "\u001b]", "\u0007", "\u202e", "\u001b[2J" }.Where(s => output.Contains(s, StringComparison.Ordinal)).ToArray();

    private static ArticleIndex HostileIndex()
    {
        var index = ArticleIndex.CreateInMemory();
        index.Upsert(new Article("evil", Hostile, $"NIAMEY — Troops of Niger [bold]x[/] \u001b[2J reached Air Base 101 in Niamey, Niger. {Hostile}")
        {
            Published = new DateTimeOffset(2024, 5, 3, 0, 0, 0, TimeSpan.Zero),
            Source = "[link=https://evil.example]Wire[/]",
        });
        index.Upsert(new Article("other", "Drones", "US drones left Air Base 201 in Agadez, Niger."));
        return index;
    }

    [Test]
    public void Search_Table_EscapesControlCharactersAndMarkup_AndShowsNamesAndDates()
    {
        using var index = HostileIndex();
        var results = index.Search("country:Niger", new Results.SearchOptions { Facets = [Results.FacetField.Source] });
        var output = Render(console => RichViews.Search(console, results));

        Assert.That(output, Does.Contain(@"\x1b]0;pwned\x07").And.Contain(@"\u202e").And.Contain(@"\x1b[2J"));
        Assert.That(Raw(output), Is.Empty, "no raw OSC, BEL, bidi override or screen clear reaches the terminal");
        Assert.That(output, Does.Contain("[red]spoof[/]").And.Contain("[bold]x[/]").And.Contain("[link=https://evil.example]Wire[/]"), "markup in article text is shown, not applied");
        Assert.That(output, Does.Contain("2024-05-03").And.Contain("Air Base 101 Niamey").And.Contain("╭"));
        Assert.That(output, Does.Contain("\u001b[1;38;5;11mNiamey\u001b[0m"), "matched terms are marked in bold yellow");
        Assert.That(output, Does.Contain("\u001b[1;38;5;14mAir Base 101 Niamey\u001b[0m"), "entities the article is about are bold cyan");
    }

    [Test]
    public void Related_Stats_Entities_Tables_EscapeUntrustedText()
    {
        using var index = HostileIndex();
        var related = Render(console => RichViews.Related(console, index.Related("other")));
        Assert.That(related, Does.Contain(@"\x1b]0;pwned\x07").And.Contain("[red]spoof[/]"));
        Assert.That(Raw(related), Is.Empty);

        var stats = Render(console => RichViews.Stats(console, index.Stats()));
        Assert.That(stats, Does.Contain("(memory)").And.Contain("\u001b[1m2\u001b[0m (0 deleted, not yet merged away)"));

        var entities = Render(console => RichViews.Entities(console, [EntityCatalog.Default.Get(EntityKind.Base, "ne-air-base-201")!, new Entity(EntityKind.Force, "evil", Hostile)], e => e.Country ?? string.Empty));
        Assert.That(entities, Does.Contain("ne-air-base-201").And.Contain("NE").And.Contain(@"\x1b]0;pwned\x07").And.Contain("[red]spoof[/]"));
        Assert.That(Raw(entities), Is.Empty);
    }
}
