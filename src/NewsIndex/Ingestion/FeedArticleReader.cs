using System.Runtime.CompilerServices;
using System.Xml;
using System.Xml.Linq;

namespace NewsIndex.Ingestion;

/// <summary>
/// Streams an RSS 2.0 or Atom 1.0 feed one item at a time: one article per <c>&lt;item&gt;</c> or
/// <c>&lt;entry&gt;</c>, with a bad item reported (with its line) and skipped. XML that is not well-formed ends that
/// source with an error; DTDs are ignored and external entities never resolved.
/// </summary>
/// <remarks>
/// Items are read with <see cref="XmlReader"/> and mapped here rather than with System.ServiceModel.Syndication:
/// its item formatters throw on any date outside strict RFC 822 (e.g. <c>Monday 15 August 2022 10.32 BST</c>) with no
/// per-item hook, and its feed formatters load the whole feed, so one bad item would cost the feed.
/// Id: RSS <c>guid</c>, else <c>link</c>; Atom <c>id</c>, else the alternate link. Body: <c>content:encoded</c> or
/// Atom <c>content</c>, else <c>description</c>/<c>summary</c>, HTML stripped to text. Source: the item's
/// <c>source</c>, else the feed title.
/// </remarks>
internal static class FeedArticleReader
{
    private const string AtomNs = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace ContentNs = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace DcNs = "http://purl.org/dc/elements/1.1/";

    public static IEnumerable<Article> Read(Stream stream, string sourceName, Action<IngestionError> report, ArticleReaderOptions options)
    {
        using var reader = XmlReader.Create(stream, Settings(options, async: false));
        var feed = new FeedState();
        while (true)
        {
            XElement? item;
            int line;
            try
            {
                (item, line) = NextItem(reader, feed, sourceName);
            }
            catch (XmlException ex)
            {
                report(InvalidFeed(sourceName, ex));
                yield break;
            }
            catch (Exception ex) when (StreamErrors.IsStreamError(ex))
            {
                report(StreamErrors.ToError(sourceName, ex));
                yield break;
            }

            if (item is null)
            {
                yield break;
            }

            if (Map(item, feed, sourceName, line, report) is { } article)
            {
                yield return article;
            }
        }
    }

    public static async IAsyncEnumerable<Article> ReadAsync(Stream stream, string sourceName, Action<IngestionError> report, ArticleReaderOptions options,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = XmlReader.Create(stream, Settings(options, async: true));
        var feed = new FeedState();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            XElement? item;
            int line;
            try
            {
                (item, line) = await NextItemAsync(reader, feed, sourceName, cancellationToken).ConfigureAwait(false);
            }
            catch (XmlException ex)
            {
                report(InvalidFeed(sourceName, ex));
                yield break;
            }
            catch (Exception ex) when (StreamErrors.IsStreamError(ex))
            {
                report(StreamErrors.ToError(sourceName, ex));
                yield break;
            }

            if (item is null)
            {
                yield break;
            }

            if (Map(item, feed, sourceName, line, report) is { } article)
            {
                yield return article;
            }
        }
    }

    private static XmlReaderSettings Settings(ArticleReaderOptions options, bool async) => new()
    {
        Async = async,
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        MaxCharactersFromEntities = 1024,
        CloseInput = false,
    };

    private static IngestionError InvalidFeed(string sourceName, XmlException ex) =>
        new(sourceName, ex.LineNumber, ex is NotAFeedException
            ? ex.Message
            : $"feed is not well-formed XML, the rest of this file is skipped: {ex.Message}") { Kind = IngestionErrorKind.InvalidFeed };

    /// <summary>Advances to the next item or entry; reads the feed's kind and title on the way.</summary>
    private static (XElement? Item, int Line) NextItem(XmlReader reader, FeedState feed, string sourceName)
    {
        while (feed.Pending || reader.Read())
        {
            feed.Pending = false;
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            switch (feed.Classify(reader, sourceName))
            {
                case Node.Title:
                    feed.Title = HtmlText.Inline(reader.ReadElementContentAsString());
                    feed.Pending = true; // ReadElementContentAsString moved past the element already
                    break;
                case Node.Item:
                    var line = ((IXmlLineInfo)reader).LineNumber;
                    var item = (XElement)XNode.ReadFrom(reader);
                    feed.Pending = true;
                    return (item, line);
            }
        }

        return (null, 0);
    }

    private static async Task<(XElement? Item, int Line)> NextItemAsync(XmlReader reader, FeedState feed, string sourceName, CancellationToken cancellationToken)
    {
        while (feed.Pending || await reader.ReadAsync().ConfigureAwait(false))
        {
            cancellationToken.ThrowIfCancellationRequested();
            feed.Pending = false;
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            switch (feed.Classify(reader, sourceName))
            {
                case Node.Title:
                    feed.Title = HtmlText.Inline(await reader.ReadElementContentAsStringAsync().ConfigureAwait(false));
                    feed.Pending = true;
                    break;
                case Node.Item:
                    var line = ((IXmlLineInfo)reader).LineNumber;
                    var item = (XElement)await XNode.ReadFromAsync(reader, cancellationToken).ConfigureAwait(false);
                    feed.Pending = true;
                    return (item, line);
            }
        }

        return (null, 0);
    }

    private static Article? Map(XElement item, FeedState feed, string sourceName, int line, Action<IngestionError> report)
    {
        var atom = item.Name.Namespace == AtomNs;
        string? Child(XNamespace ns, string name) => item.Element(ns + name)?.Value is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
        XNamespace none = atom ? AtomNs : XNamespace.None;

        var link = atom
            ? item.Elements(none + "link").FirstOrDefault(l => (string?)l.Attribute("rel") is null or "alternate")?.Attribute("href")?.Value.Trim()
            : Child(none, "link");
        var id = atom ? Child(none, "id") ?? link : Child(none, "guid") ?? link;
        if (string.IsNullOrWhiteSpace(id))
        {
            report(new IngestionError(sourceName, line, atom ? "entry has neither an id nor a link" : "item has neither a guid nor a link") { Kind = IngestionErrorKind.MissingField });
            return null;
        }

        var dateText = atom ? Child(none, "published") ?? Child(none, "updated") : Child(none, "pubDate") ?? Child(DcNs, "date");
        DateTimeOffset? published = null;
        if (dateText is not null && !NewsDates.IsBareYear(dateText))
        {
            if (!NewsDates.TryParse(dateText, out var date))
            {
                report(new IngestionError(sourceName, line, $"item date is not a date: \"{dateText}\"") { Kind = IngestionErrorKind.InvalidDate });
                return null;
            }

            published = date;
        }

        var title = Text(item.Element(none + "title"), atom);
        var bodyElement = atom ? item.Element(none + "content") ?? item.Element(none + "summary") : item.Element(ContentNs + "encoded") ?? item.Element(none + "description");
        var body = Text(bodyElement, atom);
        if (published is null)
        {
            // Fallback: a date line at the top of the item's text ("Published: 15 Aug 2022 10:32 GMT").
            var paragraphs = body.Split("\n\n").ToList();
            foreach (var paragraph in paragraphs.Take(3))
            {
                if (NewsDates.TryParseLine(paragraph, out var dateLine))
                {
                    published = dateLine.Date;
                    paragraphs.Remove(paragraph); // the date line is metadata, not text
                    body = string.Join("\n\n", paragraphs);
                    break;
                }
            }
        }

        if (title.Length == 0 && body.Length == 0)
        {
            report(new IngestionError(sourceName, line, "item has neither a title nor any text") { Kind = IngestionErrorKind.NoContent });
            return null;
        }

        var authors = atom
            ? item.Elements(none + "author").Select(a => a.Element(none + "name")?.Value ?? a.Value)
            : item.Elements(DcNs + "creator").Select(c => c.Value).Concat(item.Elements(none + "author").Select(a => RssAuthor(a.Value)));
        var article = new Article(id.Trim(), title, body)
        {
            Published = published,
            Source = Child(none, "source") is { } itemSource ? HtmlText.Inline(itemSource) : feed.Title is { Length: > 0 } feedTitle ? feedTitle : null,
            Url = link ?? (Uri.TryCreate(id.Trim(), UriKind.Absolute, out var permalink) && permalink.Scheme is "http" or "https" ? permalink.ToString() : null),
            Authors = authors.Select(HtmlText.Inline).Where(a => a.Length > 0).Distinct(StringComparer.Ordinal).ToArray(),
            Dateline = PlainTextArticleParser.FindDateline(body),
        };
        if (ArticleValidation.Check(article) is { } invalid)
        {
            report(new IngestionError(sourceName, line, invalid) { Kind = IngestionErrorKind.InvalidId });
            return null;
        }

        return article;
    }

    /// <summary>Text of a title or body element: RSS text is HTML; Atom says so in <c>type</c> (text, html or xhtml).</summary>
    private static string Text(XElement? element, bool atom)
    {
        if (element is null)
        {
            return string.Empty;
        }

        var type = atom ? (string?)element.Attribute("type") ?? "text" : "html";
        return type switch
        {
            "xhtml" => HtmlText.FromFragment(string.Concat(element.Nodes().Select(n => n.ToString()))),
            "text" => string.Join("\n\n", element.Value.Split('\n').Select(HtmlText.Inline).Where(l => l.Length > 0)),
            _ => HtmlText.FromFragment(element.Value),
        };
    }

    /// <summary>RSS <c>author</c> is an email address, often with the name in parentheses: keep the name.</summary>
    private static string RssAuthor(string value)
    {
        var open = value.IndexOf('(', StringComparison.Ordinal);
        var close = value.LastIndexOf(')');
        return open >= 0 && close > open ? value[(open + 1)..close] : value;
    }

    private enum Node
    {
        Other,
        Title,
        Item,
    }

    private sealed class FeedState
    {
        private int _rootDepth = -1;
        private bool _atom;

        public string? Title { get; set; }

        public bool Pending { get; set; }

        public Node Classify(XmlReader reader, string sourceName)
        {
            if (_rootDepth < 0)
            {
                _rootDepth = reader.Depth;
                _atom = reader.LocalName == "feed" && reader.NamespaceURI == AtomNs;
                if (!_atom && reader.LocalName != "rss")
                {
                    throw new NotAFeedException($"not an RSS 2.0 or Atom feed (the root element is <{reader.Name}>)", ((IXmlLineInfo)reader).LineNumber);
                }

                return Node.Other;
            }

            var depth = reader.Depth - _rootDepth;
            if (_atom)
            {
                return reader.NamespaceURI != AtomNs ? Node.Other
                    : depth == 1 && reader.LocalName == "title" && Title is null ? Node.Title
                    : depth == 1 && reader.LocalName == "entry" ? Node.Item
                    : Node.Other;
            }

            return reader.NamespaceURI.Length != 0 ? Node.Other
                : depth == 2 && reader.LocalName == "title" && Title is null ? Node.Title
                : depth == 2 && reader.LocalName == "item" ? Node.Item
                : Node.Other;
        }
    }

    private sealed class NotAFeedException(string message, int line) : XmlException(message, null, line, 0);
}
