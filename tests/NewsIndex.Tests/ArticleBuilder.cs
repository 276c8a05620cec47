using NewsIndex.Ingestion;

namespace NewsIndex.Tests;

/// <summary>Inline test articles with sensible defaults.</summary>
internal static class ArticleBuilder
{
    public static Article Article(string id, string body, string title = "", DateTimeOffset? published = null, string? source = null) =>
        new(id, title, body) { Published = published, Source = source };

    public static DateTimeOffset Day(int year, int month, int day) => new(year, month, day, 12, 0, 0, TimeSpan.Zero);
}
