using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace NewsIndex.Ingestion;

/// <summary>
/// Reads a saved HTML article page (parsed with AngleSharp, as a browser would): the main text without navigation,
/// share bars, related links and footers; the title, byline, publication date, outlet and canonical url from
/// JSON-LD (schema.org NewsArticle), Open Graph / <c>article:</c> meta tags, <c>itemprop</c> microdata and, failing
/// those, the date and byline lines on the page itself.
/// </summary>
/// <remarks>
/// Order of trust, per field: JSON-LD, then meta tags, then microdata, then visible text. Truncated or malformed HTML
/// is parsed as a browser would (whatever is there is read); a page with neither a title nor any text is refused.
/// Stateless and thread-safe.
/// </remarks>
public static class HtmlArticleParser
{
    private static readonly string[] DateMetas =
    [
        "meta[property='article:published_time']", "meta[property='og:article:published_time']",
        "meta[itemprop='datePublished']", "meta[name='article:published_time']", "meta[name='pubdate']",
        "meta[name='publishdate']", "meta[name='publish-date']", "meta[name='date']", "meta[name='dc.date' i]",
        "meta[name='dc.date.issued' i]", "meta[name='dcterms.created' i]", "meta[name='sailthru.date']",
        "meta[name='parsely-pub-date']", "meta[property='og:published_time']",
    ];

    private static readonly string[] BodySelectors =
    [
        "[itemprop='articleBody']", ".entry-content", ".article-body", ".article__body", ".article-content",
        ".story-body", ".post-content", ".c-article-body", "#article-body", "#story-body",
    ];

    private static readonly string[] Removed =
    [
        "nav", "footer", "aside", "form", "button", "figure", "header", "[hidden]", "[aria-hidden='true']",
        "[role='navigation']", "[role='banner']", "[role='contentinfo']", "[role='complementary']",
    ];

    private static readonly string[] FurnitureWords =
    [
        "share", "social", "related", "newsletter", "comment", "advert", "promo", "cookie", "subscribe", "breadcrumb",
        "byline", "sidebar", "recommend", "most-read", "popular", "signup", "sponsor", "author", "timestamp",
        "dateline-meta", "article-meta", "post-meta", "tags", "menu", "nav",
    ];

    /// <summary>Parses one page. Throws <see cref="ArticleFormatException"/> when it has neither a title nor text.</summary>
    /// <param name="id">The article id (for files: the file name without extension).</param>
    /// <param name="html">The page source.</param>
    public static Article Parse(string id, string html)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(html);
        using var document = HtmlText.NewParser().ParseDocument(html);
        return FromDocument(id, document) ?? throw new ArticleFormatException(NoContent(id));
    }

    /// <summary>Parses a page from its bytes, honouring its BOM or <c>&lt;meta charset&gt;</c>; null when it holds no article.</summary>
    internal static Article? Parse(string id, byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        using var document = HtmlText.NewParser().ParseDocument(stream);
        return FromDocument(id, document);
    }

    internal static IngestionError NoContent(string path) =>
        new(path, 0, "no article in this page: neither a title nor any text") { Kind = IngestionErrorKind.NoContent };

    private static Article? FromDocument(string id, IHtmlDocument document)
    {
        var ld = JsonLdArticle.Find(document);
        var siteName = Meta(document, "meta[property='og:site_name']") ?? ld?.Publisher ?? Meta(document, "meta[name='application-name']");
        var title = StripSiteName(ld?.Headline ?? Meta(document, "meta[property='og:title']") ?? Meta(document, "meta[name='twitter:title']")
            ?? document.QuerySelector("article h1, h1")?.TextContent ?? document.Title, siteName);
        var authors = ld is { Authors.Length: > 0 } ? ld.Authors : MetaAuthors(document);
        var published = FirstDate(ld?.DatePublished, DateMetas.Select(selector => Meta(document, selector)))
            ?? FirstDate(null, document.QuerySelectorAll("time[datetime]").Select(t => t.GetAttribute("datetime")))
            ?? FirstDate(null, document.QuerySelectorAll("[itemprop='datePublished']").Select(e => e.TextContent));
        var url = document.QuerySelector("link[rel='canonical']")?.GetAttribute("href")?.Trim() ?? Meta(document, "meta[property='og:url']") ?? ld?.Url;

        // Visible date and byline lines (pages without metadata), read before the furniture that holds them is removed.
        if (published is null || authors.Length == 0)
        {
            foreach (var candidate in document.QuerySelectorAll("time, .date, .byline, .dateline, .published, .timestamp, [class*='date'], [class*='byline']"))
            {
                foreach (var line in HtmlText.Paragraphs(candidate))
                {
                    if (NewsDates.TryParseLine(line, out var dateLine))
                    {
                        published ??= dateLine.Date;
                        authors = authors.Length == 0 ? dateLine.Authors : authors;
                    }
                    else if (authors.Length == 0 && line.StartsWith("By ", StringComparison.Ordinal) && line.Length < 100)
                    {
                        authors = NewsDates.SplitNames(line[3..]);
                    }
                }
            }
        }

        var paragraphs = MainText(document, title);
        if (ld?.ArticleBody is { } ldBody && paragraphs.Sum(p => p.Length) < ldBody.Length / 2)
        {
            paragraphs = HtmlText.FromFragment(ldBody).Split("\n\n").ToList();
        }

        if (published is null)
        {
            foreach (var line in paragraphs.Take(6))
            {
                if (NewsDates.TryParseLine(line, out var dateLine))
                {
                    published = dateLine.Date;
                    authors = authors.Length == 0 ? dateLine.Authors : authors;
                    paragraphs.Remove(line);
                    break;
                }
            }
        }

        var body = string.Join("\n\n", paragraphs);
        if (title.Length == 0 && body.Length == 0)
        {
            return null;
        }

        return new Article(id, title, body)
        {
            Published = published,
            Source = siteName is null ? null : HtmlText.Inline(siteName),
            Url = string.IsNullOrWhiteSpace(url) ? null : url,
            Authors = authors,
            Dateline = PlainTextArticleParser.FindDateline(body),
        };
    }

    private static List<string> MainText(IHtmlDocument document, string title)
    {
        if (document.Body is not { } body)
        {
            return [];
        }

        foreach (var element in body.QuerySelectorAll(string.Join(", ", Removed)).ToArray())
        {
            element.Remove();
        }

        foreach (var element in body.QuerySelectorAll("[class], [id]").Where(IsFurniture).ToArray())
        {
            element.Remove();
        }

        var root = BodySelectors.Select(s => body.QuerySelector(s)).FirstOrDefault(e => e is not null)
            ?? body.QuerySelectorAll("article").MaxBy(ParagraphLength)
            ?? body.QuerySelector("main, [role='main']")
            ?? DensestParagraphParent(body)
            ?? body;
        return HtmlText.Paragraphs(root)
            .Where(line => !string.Equals(line, title, StringComparison.Ordinal))
            .ToList();
    }

    private static bool IsFurniture(IElement element)
    {
        if (element.LocalName is "body" or "html" or "article" or "main")
        {
            return false;
        }

        var names = $"{element.ClassName} {element.Id}".ToLowerInvariant();
        foreach (var token in names.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (token is "ad" or "ads" || FurnitureWords.Any(word => token.Contains(word, StringComparison.Ordinal)))
            {
                // Never drop the article body because its class mentions, say, "comment-free-article-body".
                return !token.Contains("body", StringComparison.Ordinal) && !token.Contains("content", StringComparison.Ordinal);
            }
        }

        return false;
    }

    private static int ParagraphLength(IElement element) => element.QuerySelectorAll("p").Sum(p => p.TextContent.Length);

    private static IElement? DensestParagraphParent(IElement body) =>
        body.QuerySelectorAll("p")
            .Where(p => p.ParentElement is not null)
            .GroupBy(p => p.ParentElement!)
            .MaxBy(group => group.Sum(p => p.TextContent.Length))?.Key;

    private static string? Meta(IDocument document, string selector)
    {
        var content = document.QuerySelector(selector)?.GetAttribute("content");
        return string.IsNullOrWhiteSpace(content) ? null : content.Trim();
    }

    private static string[] MetaAuthors(IDocument document)
    {
        var meta = Meta(document, "meta[name='author']") ?? Meta(document, "meta[property='article:author']");
        if (meta is not null && !meta.Contains("://", StringComparison.Ordinal))
        {
            return NewsDates.SplitNames(meta.StartsWith("By ", StringComparison.Ordinal) ? meta[3..] : meta);
        }

        var element = document.QuerySelector("[itemprop='author'] [itemprop='name'], [itemprop='author'], [rel='author']");
        var text = HtmlText.Inline(element?.GetAttribute("content") ?? element?.TextContent);
        if (text.StartsWith("By ", StringComparison.Ordinal))
        {
            text = text[3..];
        }

        return text.Length is > 1 and < 100 ? NewsDates.SplitNames(text) : [];
    }

    private static DateTimeOffset? FirstDate(string? first, IEnumerable<string?> rest)
    {
        foreach (var candidate in rest.Prepend(first))
        {
            if (NewsDates.TryParse(candidate, out var date) || (candidate is not null && NewsDates.TryParseLine(candidate.Trim(), out var line) && (date = line.Date) != default))
            {
                return date;
            }
        }

        return null;
    }

    private static string StripSiteName(string? title, string? siteName)
    {
        var text = HtmlText.Inline(title);
        if (siteName is null)
        {
            return text;
        }

        foreach (var separator in (string[])[" | ", " - ", " — ", " – "])
        {
            var suffix = separator + siteName;
            if (text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return text[..^suffix.Length].Trim();
            }
        }

        return text;
    }
}
