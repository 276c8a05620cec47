namespace NewsIndex.Ingestion;

/// <summary>The input formats <see cref="ArticleReader"/> understands.</summary>
public enum ArticleFormat
{
    /// <summary>A plain-text news page as scraped from the web: one article (<c>.txt</c> and any unknown extension).</summary>
    Text = 0,

    /// <summary>JSON Lines, one article object a line (<c>.jsonl</c>; <c>.jsonl.gz</c> when gzip-compressed).</summary>
    JsonLines,

    /// <summary>A saved HTML article page: one article (<c>.html</c>, <c>.htm</c>, <c>.xhtml</c>).</summary>
    Html,

    /// <summary>An RSS 2.0 or Atom 1.0 feed: one article per item or entry (<c>.rss</c>, <c>.atom</c>, <c>.xml</c>).</summary>
    Feed,
}
