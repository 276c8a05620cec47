using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using NewsIndex.Results;

namespace NewsIndex.Cli;

/// <summary><c>newsindex stories QUERY</c> and <c>newsindex story ID</c>: stories (reports of one event) and their articles.</summary>
internal static class StoriesCommand
{
    public static Command CreateList()
    {
        var index = CommonOptions.Index();
        var catalog = CommonOptions.Catalog();
        var json = CommonOptions.Json();
        var size = new Option<int>("--size", "-n") { Description = "How many stories (1-1000).", DefaultValueFactory = _ => 20 };
        var sort = new Option<string>("--sort") { Description = "relevance or date (newest first), by each story's best match.", DefaultValueFactory = _ => "relevance" };
        sort.AcceptOnlyFromAmong("relevance", "date");
        var query = CommonOptions.Query("Query, e.g. 'force:Wagner' or 'country:Niger airbase'.");
        var command = new Command("stories", "List the stories (reports of one event) with an article matching a query.") { index, json, size, sort, query, catalog };
        command.SetAction(result =>
        {
            using var articles = CommonOptions.OpenForReading(result.GetValue(index), result.GetValue(catalog));
            var stories = articles.Stories(CommonOptions.QueryText(result, query)!, result.GetValue(size), result.GetValue(sort) == "date" ? SortOrder.Date : SortOrder.Relevance);
            if (result.GetValue(json))
            {
                JsonOutput.Write(w =>
                {
                    w.WriteStartObject();
                    w.WriteString("query", CommonOptions.QueryText(result, query));
                    w.WriteStartArray("stories");
                    foreach (var story in stories)
                    {
                        Summary(w, story);
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                });
                return 0;
            }

            foreach (var story in stories)
            {
                Console.WriteLine(Terminal.Bold(story.Title.Length > 0 ? story.Title : "(untitled)"));
                Console.WriteLine(Terminal.Dim(string.Join(" · ", new[] { story.Id, Span(story), story.ToString(), Entities(story) }.Where(x => x.Length > 0))));
                Console.WriteLine();
            }

            return 0;
        });
        return command;
    }

    public static Command CreateShow()
    {
        var index = CommonOptions.Index();
        var catalog = CommonOptions.Catalog();
        var json = CommonOptions.Json();
        var id = new Argument<string>("ID") { Description = "Story id (the 'story' of a hit, e.g. from search --json)." };
        var command = new Command("story", "Show a story: its summary and its articles in time order.") { index, json, id, catalog };
        command.SetAction(result =>
        {
            using var articles = CommonOptions.OpenForReading(result.GetValue(index), result.GetValue(catalog));
            var storyId = result.GetValue(id)!;
            var story = articles.Story(storyId) ?? throw new NewsIndexException($"no story with id \"{storyId}\" in {articles.Location}");
            if (result.GetValue(json))
            {
                JsonOutput.Write(w =>
                {
                    w.WriteStartObject();
                    w.WritePropertyName("story");
                    Summary(w, story.Summary);
                    w.WritePropertyName("articles");
                    JsonOutput.Hits(w, story.Articles);
                    w.WriteEndObject();
                });
                return 0;
            }

            Console.WriteLine(Terminal.Bold(story.Summary.Title));
            Console.WriteLine(Terminal.Dim(string.Join(" · ", new[] { story.Summary.Id, Span(story.Summary), story.Summary.ToString(), Entities(story.Summary) }.Where(x => x.Length > 0))));
            Console.WriteLine();
            foreach (var hit in story.Articles)
            {
                var when = hit.Published?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "undated";
                Console.WriteLine($"{when,-16}  {hit.Source ?? "-",-20}  {hit.Id}  {hit.Title}");
            }

            return 0;
        });
        return command;
    }

    internal static void Summary(Utf8JsonWriter w, StorySummary story)
    {
        w.WriteStartObject();
        w.WriteString("id", story.Id);
        w.WriteString("title", story.Title);
        w.WriteNumber("size", story.Size);
        w.WriteNumber("matching", story.Matching);
        if (story.FirstSeen is { } first)
        {
            w.WriteString("first_seen", first.ToString("O", CultureInfo.InvariantCulture));
        }

        if (story.LastSeen is { } last)
        {
            w.WriteString("last_seen", last.ToString("O", CultureInfo.InvariantCulture));
        }

        w.WriteStartArray("sources");
        foreach (var source in story.Sources)
        {
            w.WriteStringValue(source);
        }

        w.WriteEndArray();
        w.WriteStartArray("top_entities");
        foreach (var entity in story.TopEntities)
        {
            w.WriteStartObject();
            w.WriteString("kind", entity.Kind.ToString().ToLowerInvariant());
            w.WriteString("id", entity.Id);
            w.WriteNumber("articles", entity.Articles);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static string Span(StorySummary story) => story.FirstSeen is { } first && story.LastSeen is { } last
        ? first.Date == last.Date
            ? first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : $"{first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} – {last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"
        : "undated";

    private static string Entities(StorySummary story) => string.Join(' ', story.TopEntities.Select(e => e.Id));
}
