namespace NewsIndex.Ingestion;

/// <summary>Which <see cref="ArticleFormat"/> a file name means.</summary>
internal static class ArticleFormats
{
    public static ArticleFormat FromPath(string path)
    {
        var name = System.IO.Path.GetFileName(path);
        if (name.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".jsonl.gz", StringComparison.OrdinalIgnoreCase))
        {
            return ArticleFormat.JsonLines;
        }

        var extension = System.IO.Path.GetExtension(name).ToLowerInvariant();
        return extension switch
        {
            ".html" or ".htm" or ".xhtml" => ArticleFormat.Html,
            ".rss" or ".atom" or ".xml" => ArticleFormat.Feed,
            _ => ArticleFormat.Text,
        };
    }

    public static bool IsGzip(string path) => path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
}
