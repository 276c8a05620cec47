using System.CommandLine;
using System.Globalization;
using NewsIndex.Results;

namespace NewsIndex.Cli;

/// <summary><c>newsindex search</c>: runs a query and prints hits, snippets, entities and facets.</summary>
internal static class SearchCommand
{
    public static Command Create()
    {
        var index = CommonOptions.Index();
        var json = CommonOptions.Json();
        var size = new Option<int>("--size", "-n") { Description = "Hits per page (1-1000).", DefaultValueFactory = _ => 10 };
        var sort = new Option<string>("--sort") { Description = "relevance or date (newest first).", DefaultValueFactory = _ => "relevance" };
        sort.AcceptOnlyFromAmong("relevance", "date");
        var facets = new Option<bool>("--facets", "-f") { Description = "Count matches by country, force, base, source and month." };
        var collapse = new Option<bool>("--collapse") { Description = "One hit per story (reports of one event), with the story's size, dates and sources; facets count stories." };
        var cursor = new Option<string?>("--cursor") { Description = "The cursor printed by the previous page (JSON: nextCursor), to get the next one." };
        var query = CommonOptions.Query("Query, e.g. 'force:Wagner', 'country:Niger airbase', 'near:Niamey/20km', 'published:[2024-01-01 TO *]'.");
        var catalog = CommonOptions.Catalog();
        var command = new Command("search", "Search the index.") { index, json, size, sort, facets, collapse, cursor, query, catalog };
        command.SetAction(result =>
        {
            using var articles = CommonOptions.OpenForReading(result.GetValue(index), result.GetValue(catalog));
            var options = new SearchOptions
            {
                Size = result.GetValue(size),
                Sort = result.GetValue(sort) == "date" ? SortOrder.Date : SortOrder.Relevance,
                Facets = result.GetValue(facets) ? Enum.GetValues<FacetField>() : [],
                Cursor = result.GetValue(cursor),
                Collapse = result.GetValue(collapse),
                FacetUnit = result.GetValue(collapse) ? CountUnit.Stories : CountUnit.Articles,
            };
            var results = articles.Search(CommonOptions.QueryText(result, query)!, options);
            if (result.GetValue(json))
            {
                JsonOutput.Write(w => JsonOutput.Results(w, results));
            }
            else if (Terminal.Rich)
            {
                RichViews.Search(Terminal.Out, results);
            }
            else
            {
                Print(results);
            }

            return 0;
        });
        return command;
    }

    private static void Print(SearchResults results)
    {
        Console.WriteLine($"{Terminal.Bold(results.Total.ToString("N0", CultureInfo.InvariantCulture))} {(results.Total == 1 ? "article matches" : "articles match")}{(results.TotalStories is { } stories ? $" in {stories:N0} stor{(stories == 1 ? "y" : "ies")}" : string.Empty)} {Terminal.Dim(Terminal.Safe(results.Query))}");
        Console.WriteLine();
        var (open, close) = Terminal.TermMark;
        foreach (var hit in results.Hits)
        {
            var title = hit.Title.Length > 0 ? Terminal.Safe(hit.Title) : "(untitled)";
            Console.WriteLine($"{Terminal.Bold(title)}");
            var meta = new[] { hit.Id, hit.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), hit.Source, $"score {hit.Score:F2}" }.Where(x => x is not null);
            Console.WriteLine(Terminal.Dim(Terminal.Safe(string.Join(" · ", meta))));
            if (hit.Collapsed is { } story)
            {
                Console.WriteLine($"  {Terminal.Dim("story:")} {Terminal.Safe(story.ToString())} {Terminal.Dim(Terminal.Safe(story.Id))}");
            }

            foreach (var snippet in hit.Snippets)
            {
                // Marks go in as private-use placeholders so escaping the article's text cannot touch the real ones.
                var safe = Terminal.Safe(snippet.Render("\uE000", "\uE001").ReplaceLineEndings(" ")).Replace("\uE000", open, StringComparison.Ordinal).Replace("\uE001", close, StringComparison.Ordinal);
                Console.WriteLine($"  …{safe}…");
            }

            var chips = hit.Names.Select(e => hit.About.Contains(e.Kind, e.Id) ? Terminal.Entity(Terminal.Safe(e.Name)) : Terminal.Safe(e.Name));
            Console.WriteLine($"  {Terminal.Dim("entities:")} {string.Join(", ", chips)}");
            foreach (var reason in hit.Why.Take(4))
            {
                Console.WriteLine($"  {Terminal.Dim("why:")} {Terminal.Safe(reason.ToString())}");
            }

            Console.WriteLine();
        }

        if (results.Facets.Count > 0)
        {
            foreach (var (field, counts) in results.Facets)
            {
                Console.WriteLine($"{Terminal.Bold(field.ToString().ToLowerInvariant()),-12} {string.Join("  ", counts.Take(10).Select(c => $"{Terminal.Safe(c.Value)} {Terminal.Dim(c.Count.ToString(CultureInfo.InvariantCulture))}"))}");
            }
        }

        if (results.NextCursor is not null)
        {
            Console.WriteLine(Terminal.Dim($"next page: --cursor {Terminal.Safe(results.NextCursor)}"));
        }
    }
}
