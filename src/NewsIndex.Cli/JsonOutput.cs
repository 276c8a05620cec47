using System.Globalization;
using System.Text.Json;
using NewsIndex.Entities;
using NewsIndex.Indexing;
using NewsIndex.Mapping;
using NewsIndex.Results;

namespace NewsIndex.Cli;

/// <summary>Writes results as JSON in the documented shape (countries as ISO alpha-2, forces and bases as catalog ids).</summary>
internal static class JsonOutput
{
    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions Compact = new() { Indented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(Action<Utf8JsonWriter> write, bool indented = true)
    {
        using var stdout = Console.OpenStandardOutput();
        using (var writer = new Utf8JsonWriter(stdout, indented ? Indented : Compact))
        {
            write(writer);
        }

        stdout.WriteByte((byte)'\n');
    }

    public static void Results(Utf8JsonWriter w, SearchResults results)
    {
        w.WriteStartObject();
        w.WriteString("query", results.Query);
        w.WriteNumber("total", results.Total);
        if (results.TotalStories is { } stories)
        {
            w.WriteNumber("total_stories", stories);
        }

        w.WritePropertyName("hits");
        Hits(w, results.Hits);
        w.WriteStartObject("facets");
        foreach (var (field, counts) in results.Facets)
        {
            w.WriteStartArray(field.ToString().ToLowerInvariant());
            foreach (var count in counts)
            {
                w.WriteStartObject();
                w.WriteString("value", count.Value);
                w.WriteNumber("count", count.Count);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
        if (results.NextCursor is not null)
        {
            w.WriteString("nextCursor", results.NextCursor);
        }

        w.WriteEndObject();
    }

    public static void Hits(Utf8JsonWriter w, IEnumerable<SearchHit> hits)
    {
        w.WriteStartArray();
        foreach (var hit in hits)
        {
            w.WriteStartObject();
            Header(w, hit.Id, hit.Title, hit.Published, hit.Source, hit.Url);
            Story(w, hit.Story);
            if (hit.Collapsed is { } collapsed)
            {
                w.WritePropertyName("collapsed");
                StoriesCommand.Summary(w, collapsed);
            }

            w.WriteNumber("score", Math.Round(hit.Score, 4));
            Entities(w, hit.Mentioned, hit.About);
            Names(w, hit.Names);
            w.WriteStartArray("snippets");
            foreach (var snippet in hit.Snippets)
            {
                w.WriteStartObject();
                w.WriteString("text", snippet.Text);
                w.WriteString("marked", snippet.Render("«", "»"));
                w.WriteNumber("offset", snippet.BodyOffset);
                w.WriteStartArray("marks");
                foreach (var mark in snippet.Marks)
                {
                    w.WriteStartObject();
                    w.WriteNumber("start", mark.Start);
                    w.WriteNumber("end", mark.End);
                    w.WriteString("kind", mark.Kind == MarkKind.Term ? "term" : "entity");
                    if (mark.EntityId is not null)
                    {
                        w.WriteString("entity", mark.EntityId);
                    }

                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("why");
            foreach (var reason in hit.Why)
            {
                w.WriteStartObject();
                w.WriteString("clause", reason.Clause);
                if (reason.EntityId is not null)
                {
                    w.WriteString("entity", reason.EntityId);
                }

                w.WriteString("text", reason.Text);
                w.WriteString("field", reason.Field.ToString().ToLowerInvariant());
                w.WriteNumber("start", reason.Start);
                w.WriteNumber("end", reason.End);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void Story(Utf8JsonWriter w, string? story)
    {
        if (story is not null)
        {
            w.WriteString("story", story);
        }
    }

    public static void Article(Utf8JsonWriter w, StoredArticle stored, bool withText)
    {
        var article = stored.Article;
        w.WriteStartObject();
        Header(w, article.Id, article.Title, article.Published, article.Source, article.Url);
        Story(w, stored.Story);
        if (article.Authors.Count > 0)
        {
            w.WriteStartArray("authors");
            article.Authors.ToList().ForEach(w.WriteStringValue);
            w.WriteEndArray();
        }

        if (article.Dateline is not null)
        {
            w.WriteString("dateline", article.Dateline);
        }

        Entities(w, stored.Entities.Mentioned, stored.Entities.About);
        if (withText)
        {
            w.WriteString("body", article.Body);
        }

        w.WriteStartArray("mentions");
        foreach (var m in stored.Entities.Mentions)
        {
            w.WriteStartObject();
            w.WriteString("kind", m.Kind.ToString().ToLowerInvariant());
            w.WriteString("id", m.Id);
            w.WriteString("text", m.Text);
            w.WriteString("field", m.Field.ToString().ToLowerInvariant());
            w.WriteNumber("start", m.Start);
            w.WriteNumber("end", m.End);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Header(Utf8JsonWriter w, string id, string title, DateTimeOffset? published, string? source, string? url)
    {
        w.WriteString("id", id);
        w.WriteString("title", title);
        if (published is { } date)
        {
            w.WriteString("published", date.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        }
        else
        {
            w.WriteNull("published");
        }

        if (source is null)
        {
            w.WriteNull("source");
        }
        else
        {
            w.WriteString("source", source);
        }

        if (url is not null)
        {
            w.WriteString("url", url);
        }
    }

    private static void Entities(Utf8JsonWriter w, EntitySet mentioned, EntitySet about)
    {
        Set(w, mentioned);
        w.WriteStartObject("about");
        Set(w, about);
        w.WriteEndObject();
    }

    /// <summary><c>"names": {"countries": {"NE": "Niger"}, "forces": {…}, "bases": {…}}</c>: display names by kind and id.</summary>
    private static void Names(Utf8JsonWriter w, ValueList<EntityName> names)
    {
        w.WriteStartObject("names");
        foreach (var kind in Enum.GetValues<EntityKind>())
        {
            w.WriteStartObject(Plural(kind));
            foreach (var name in names.Where(n => n.Kind == kind))
            {
                w.WriteString(name.Id, name.Name);
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static string Plural(EntityKind kind) => kind switch { EntityKind.Country => "countries", EntityKind.Force => "forces", _ => "bases" };

    private static void Set(Utf8JsonWriter w, EntitySet set)
    {
        foreach (var kind in Enum.GetValues<EntityKind>())
        {
            w.WriteStartArray(Plural(kind));
            foreach (var id in set.Of(kind))
            {
                w.WriteStringValue(id);
            }

            w.WriteEndArray();
        }
    }
}
