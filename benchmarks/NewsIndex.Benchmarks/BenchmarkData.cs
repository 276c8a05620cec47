using System.Text;
using System.Text.Json;
using NewsIndex.Testing.Synthetic;
using NewsIndex.Entities;
using NewsIndex.Ingestion;

namespace NewsIndex.Benchmarks;

/// <summary>Inputs shared by the benchmarks: Reuters-21578 articles when ../shared is present, synthetic news otherwise.</summary>
public static class BenchmarkData
{
    /// <summary>The first <paramref name="count"/> articles with a non-empty body (Reuters train, or synthetic).</summary>
    public static Article[] Articles(int count) =>
        Corpora.HasReuters
            ? ArticleReader.Read(Corpora.ReutersTrain).Where(a => a.Body.Length > 0).Take(count).ToArray()
            : new SyntheticNews().Generate(count).Select(s => s.Article).ToArray();

    /// <summary>
    /// At least <paramref name="count"/> articles for at-scale runs: the Reuters train articles with a body, repeated
    /// whole with ids rewritten (<c>ID#r1</c>, <c>ID#r2</c>, …) as <c>../shared/tools/index-vs-java.sh</c> does, or
    /// synthetic news. Whole repeats keep the corpus's mix; the count is rounded up to a whole repeat.
    /// </summary>
    public static Article[] Repeated(int count)
    {
        if (!Corpora.HasReuters)
        {
            return new SyntheticNews().Generate(count).Select(s => s.Article).ToArray();
        }

        var once = ArticleReader.Read(Corpora.ReutersTrain).Where(a => a.Body.Length > 0).ToArray();
        var repeats = (count + once.Length - 1) / once.Length;
        return Enumerable.Range(0, repeats)
            .SelectMany(k => k == 0 ? once : once.Select(a => a with { Id = $"{a.Id}#r{k}" }))
            .ToArray();
    }

    /// <summary>Name of the corpus <see cref="Articles"/> reads, for reports.</summary>
    public static string CorpusName => Corpora.HasReuters ? "Reuters-21578 train" : "synthetic news";

    /// <summary>The articles as JSON Lines bytes, so indexing benchmarks start from raw input like a real ingest.</summary>
    public static byte[] ToJsonLines(IEnumerable<Article> articles)
    {
        using var buffer = new MemoryStream();
        foreach (var article in articles)
        {
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteString("id", article.Id);
                writer.WriteString("title", article.Title);
                writer.WriteString("body", article.Body);
                if (article.Published is { } published)
                {
                    writer.WriteString("published", published);
                }

                if (article.Source is { } source)
                {
                    writer.WriteString("source", source);
                }

                if (article.Dateline is { } dateline)
                {
                    writer.WriteString("dateline", dateline);
                }

                writer.WriteEndObject();
            }

            buffer.WriteByte((byte)'\n');
        }

        return buffer.ToArray();
    }

    /// <summary>UTF-8 size in bytes of the text of <paramref name="articles"/>.</summary>
    public static long TextBytes(IEnumerable<Article> articles) =>
        articles.Sum(a => (long)Encoding.UTF8.GetByteCount(a.Title) + Encoding.UTF8.GetByteCount(a.Body) + Encoding.UTF8.GetByteCount(a.Dateline ?? string.Empty));
}
