using System.Text.Json;
using AngleSharp.Dom;

namespace NewsIndex.Ingestion;

/// <summary>
/// The schema.org article a page describes in <c>&lt;script type="application/ld+json"&gt;</c> (NewsArticle, Article,
/// ReportageNewsArticle, BlogPosting …; found in arrays and <c>@graph</c> too): headline, dates, authors, publisher,
/// url and articleBody. Malformed JSON-LD is ignored, never an error: the page's other metadata still counts.
/// </summary>
internal sealed record JsonLdArticle(string? Headline, string? DatePublished, string[] Authors, string? Publisher, string? Url, string? ArticleBody)
{
    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 32 };

    public static JsonLdArticle? Find(IDocument document)
    {
        foreach (var script in document.QuerySelectorAll("script[type='application/ld+json' i]"))
        {
            try
            {
                using var json = JsonDocument.Parse(script.TextContent, Options);
                if (FindArticle(json.RootElement, 0) is { } article)
                {
                    return From(article);
                }
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException)
            {
                // Invalid JSON-LD is common on real pages; the meta tags and the DOM are still read.
            }
        }

        return null;
    }

    private static JsonElement? FindArticle(JsonElement element, int depth)
    {
        if (depth > 4)
        {
            return null;
        }

        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                if (FindArticle(item, depth + 1) is { } found)
                {
                    return found;
                }
            }

            return null;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (IsArticleType(element))
        {
            return element;
        }

        return element.TryGetProperty("@graph", out var graph) ? FindArticle(graph, depth + 1) : null;
    }

    private static bool IsArticleType(JsonElement element)
    {
        if (!element.TryGetProperty("@type", out var type))
        {
            return false;
        }

        static bool IsArticle(string? name) => name is not null &&
            (name.EndsWith("Article", StringComparison.Ordinal) || name.EndsWith("BlogPosting", StringComparison.Ordinal));

        return type.ValueKind switch
        {
            JsonValueKind.String => IsArticle(type.GetString()),
            JsonValueKind.Array => type.EnumerateArray().Any(t => t.ValueKind == JsonValueKind.String && IsArticle(t.GetString())),
            _ => false,
        };
    }

    private static JsonLdArticle From(JsonElement article) => new(
        Text(article, "headline") ?? Text(article, "name"),
        Text(article, "datePublished") ?? Text(article, "dateCreated"),
        Names(article, "author"),
        Names(article, "publisher").FirstOrDefault(),
        Text(article, "url") ?? IdOf(article, "mainEntityOfPage"),
        Text(article, "articleBody"));

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!.Trim()
            : null;

    private static string? IdOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Object => Text(value, "@id") ?? Text(value, "url"),
            _ => null,
        } : null;

    private static string[] Names(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return [];
        }

        IEnumerable<JsonElement> items = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : [value];
        return items.Select(item => item.ValueKind switch
            {
                JsonValueKind.String => item.GetString(),
                JsonValueKind.Object => Text(item, "name"),
                _ => null,
            })
            .Where(n => !string.IsNullOrWhiteSpace(n))
            .Select(n => HtmlText.Inline(n))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
    }
}
