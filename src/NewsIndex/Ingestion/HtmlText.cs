using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace NewsIndex.Ingestion;

/// <summary>Turns parsed HTML into paragraphs of plain text: block elements and <c>&lt;br&gt;</c> break lines,
/// whitespace is collapsed as a browser would, markup and scripts are dropped.</summary>
internal static class HtmlText
{
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
        "blockquote", "pre", "table", "tr", "td", "th", "figcaption", "header", "footer", "address", "hr",
    };

    private static readonly HashSet<string> Invisible = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "head", "title", "meta", "link",
    };

    /// <summary>A parser with scripting off (so <c>&lt;noscript&gt;</c> is parsed, then dropped as invisible).</summary>
    public static HtmlParser NewParser() => new(new HtmlParserOptions { IsScripting = false });

    /// <summary>Plain text of an HTML fragment (a feed's description), paragraphs separated by a blank line.</summary>
    public static string FromFragment(string html)
    {
        if (html.IndexOf('<', StringComparison.Ordinal) < 0 && html.IndexOf('&', StringComparison.Ordinal) < 0)
        {
            return string.Join("\n\n", Lines(html));
        }

        using var document = NewParser().ParseDocument(html);
        return document.Body is { } body ? string.Join("\n\n", Paragraphs(body)) : string.Empty;
    }

    /// <summary>The paragraphs of <paramref name="root"/>, each whitespace-collapsed, empty ones dropped.</summary>
    public static List<string> Paragraphs(INode root)
    {
        var builder = new StringBuilder();
        Append(root, builder);
        return Lines(builder.ToString());
    }

    /// <summary>Collapsed text of one element (a title, a byline).</summary>
    public static string Inline(string? text) => string.Join(' ', (text ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static List<string> Lines(string text) =>
        text.Split('\n').Select(Inline).Where(line => line.Length > 0).ToList();

    private static void Append(INode node, StringBuilder builder)
    {
        switch (node)
        {
            case IText text:
                builder.Append(text.Data.Replace('\n', ' ').Replace('\r', ' '));
                return;
            case IElement element when Invisible.Contains(element.LocalName):
                return;
            case IElement { LocalName: "br" }:
                builder.Append('\n');
                return;
        }

        var block = node is IElement e && Blocks.Contains(e.LocalName);
        if (block)
        {
            builder.Append('\n');
        }

        foreach (var child in node.ChildNodes)
        {
            Append(child, builder);
        }

        if (block)
        {
            builder.Append('\n');
        }
    }
}
