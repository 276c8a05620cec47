using System.Globalization;
using NewsIndex.Entities;
using NewsIndex.Indexing;
using NewsIndex.Results;
using Spectre.Console;

namespace NewsIndex.Cli;

/// <summary>
/// The terminal (<see cref="Terminal.Rich"/>) renderings: Spectre.Console tables and colour. Redirected output and
/// NO_COLOR keep the plain lines the commands write themselves, and <c>--json</c> never comes here. Every string that
/// comes from an article, the catalog or the user goes through <see cref="Terminal.Text"/>: control characters are
/// shown escaped and <c>[</c>/<c>]</c> cannot open Spectre markup.
/// </summary>
internal static class RichViews
{
    private const string Open = "\uE000";
    private const string Close = "\uE001";

    public static void Search(IAnsiConsole console, SearchResults results)
    {
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"[bold]{results.Total:N0}[/] {(results.Total == 1 ? "article matches" : "articles match")} [dim]{Terminal.Text(results.Query)}[/]"));
        if (results.Hits.Count > 0)
        {
            var table = new Table().Border(TableBorder.Rounded).Expand()
                .AddColumn(new TableColumn("[dim]#[/]").RightAligned())
                .AddColumn(new TableColumn("[dim]article[/]"))
                .AddColumn(new TableColumn("[dim]published[/]").NoWrap())
                .AddColumn(new TableColumn("[dim]score[/]").RightAligned());
            var rank = 0;
            foreach (var hit in results.Hits)
            {
                table.AddRow(
                    new Markup((++rank).ToString(CultureInfo.InvariantCulture)),
                    Hit(hit),
                    new Markup(hit.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "[dim]undated[/]"),
                    new Markup(hit.Score.ToString("F2", CultureInfo.InvariantCulture)));
            }

            console.Write(table);
        }

        if (results.Facets.Count > 0)
        {
            var facets = new Table().Border(TableBorder.Rounded).AddColumn("[dim]facet[/]").AddColumn("[dim]top values (count)[/]");
            foreach (var (field, counts) in results.Facets)
            {
                facets.AddRow(
                    new Markup($"[bold]{field.ToString().ToLowerInvariant()}[/]"),
                    new Markup(string.Join("  ", counts.Take(10).Select(c => string.Create(CultureInfo.InvariantCulture, $"{Terminal.Text(c.Value)} [dim]{c.Count:N0}[/]")))));
            }

            console.Write(facets);
        }

        if (results.NextCursor is not null)
        {
            console.MarkupLine($"[dim]next page: --cursor {Terminal.Text(results.NextCursor)}[/]");
        }
    }

    public static void Related(IAnsiConsole console, IReadOnlyList<SearchHit> hits)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn(new TableColumn("[dim]score[/]").RightAligned())
            .AddColumn("[dim]id[/]")
            .AddColumn(new TableColumn("[dim]published[/]").NoWrap())
            .AddColumn("[dim]title[/]");
        foreach (var hit in hits)
        {
            table.AddRow(
                hit.Score.ToString("F2", CultureInfo.InvariantCulture),
                Terminal.Text(hit.Id),
                hit.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty,
                $"[bold]{Terminal.Text(hit.Title)}[/]");
        }

        console.Write(table);
    }

    public static void Stats(IAnsiConsole console, IndexStats stats)
    {
        var table = new Table().Border(TableBorder.Rounded).HideHeaders().AddColumn("fact").AddColumn("value");
        table.AddRow("[dim]location[/]", Terminal.Text(stats.Location));
        table.AddRow("[dim]articles[/]", string.Create(CultureInfo.InvariantCulture, $"[bold]{stats.Articles:N0}[/] ({stats.Deleted:N0} deleted, not yet merged away)"));
        table.AddRow("[dim]segments[/]", stats.Segments.ToString(CultureInfo.InvariantCulture));
        table.AddRow("[dim]size[/]", string.Create(CultureInfo.InvariantCulture, $"{stats.SizeBytes / 1024.0 / 1024.0:F1} MiB"));
        table.AddRow("[dim]schema[/]", Terminal.Text(stats.Schema));
        table.AddRow("[dim]catalog[/]", Terminal.Text(stats.CatalogVersion));
        console.Write(table);
    }

    public static void Entities(IAnsiConsole console, IReadOnlyList<Entity> entities, Func<Entity, string> relation)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("[dim]kind[/]").AddColumn("[dim]id[/]").AddColumn("[dim]name[/]").AddColumn("[dim]relations[/]").AddColumn("[dim]also known as[/]");
        foreach (var e in entities)
        {
            table.AddRow(
                e.Kind.ToString().ToLowerInvariant(),
                $"[bold]{Terminal.Text(e.Id)}[/]",
                Terminal.Text(e.Name),
                Terminal.Text(relation(e).Trim()),
                $"[dim]{Terminal.Text(string.Join(" | ", e.AllNames.Distinct().Take(12)))}[/]");
        }

        console.Write(table);
    }

    private static Markup Hit(SearchHit hit)
    {
        var lines = new List<string>
        {
            $"[bold]{(hit.Title.Length > 0 ? Terminal.Text(hit.Title) : "(untitled)")}[/]",
            $"[dim]{Terminal.Text(string.Join(" · ", new[] { hit.Id, hit.Source }.Where(x => x is not null)))}[/]",
        };
        foreach (var snippet in hit.Snippets)
        {
            // Marks go in as private-use placeholders so escaping the article's text cannot touch the real ones.
            lines.Add("…" + Terminal.Text(snippet.Render(Open, Close).ReplaceLineEndings(" "))
                .Replace(Open, "[bold yellow]", StringComparison.Ordinal).Replace(Close, "[/]", StringComparison.Ordinal) + "…");
        }

        if (hit.Names.Count > 0)
        {
            lines.Add("[dim]entities:[/] " + string.Join(", ", hit.Names.Select(e =>
                hit.About.Contains(e.Kind, e.Id) ? $"[bold cyan]{Terminal.Text(e.Name)}[/]" : Terminal.Text(e.Name))));
        }

        lines.AddRange(hit.Why.Take(4).Select(reason => $"[dim]why: {Terminal.Text(reason.ToString())}[/]"));
        return new Markup(string.Join('\n', lines));
    }
}
