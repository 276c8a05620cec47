using System.IO.Compression;
using System.Text.Json;
using NewsIndex.Ingestion;

namespace NewsIndex.Testing.Stories;

/// <summary>One labelled article of a stories corpus.</summary>
/// <param name="Article">The article (title, body, day, source, url).</param>
/// <param name="Story">The gold story.</param>
/// <param name="Story7d">The stricter gold story (split where consecutive reports are more than 7 days apart).</param>
public sealed record LabelledArticle(Article Article, string Story, string Story7d);

/// <summary>Reads the labelled stories corpora (<c>../shared/corpora/stories/*.jsonl.gz</c>) at run time; never copied into the repo.</summary>
public static class StoryCorpus
{
    /// <summary>The GVA development file.</summary>
    public static string GvaDev => Corpora.FindShared(Path.Combine("shared", "corpora", "stories", "gva-dev.jsonl.gz"))
        ?? throw new FileNotFoundException("gva-dev.jsonl.gz not found: expected ../shared/corpora/stories/ beside the repository");

    /// <summary>The ECB+ development file.</summary>
    public static string EcbPlusDev => Corpora.FindShared(Path.Combine("shared", "corpora", "stories", "ecbplus-dev.jsonl.gz"))
        ?? throw new FileNotFoundException("ecbplus-dev.jsonl.gz not found: expected ../shared/corpora/stories/ beside the repository");

    /// <summary>True when both development files are available.</summary>
    public static bool Available =>
        Corpora.FindShared(Path.Combine("shared", "corpora", "stories", "gva-dev.jsonl.gz")) is not null &&
        Corpora.FindShared(Path.Combine("shared", "corpora", "stories", "ecbplus-dev.jsonl.gz")) is not null;

    /// <summary>Reads a labelled file (JSON Lines, optionally gzip), in file order.</summary>
    /// <exception cref="InvalidDataException">A line is not a labelled article; the message names the line.</exception>
    public static IReadOnlyList<LabelledArticle> Read(string path)
    {
        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(stream);
        var articles = new List<LabelledArticle>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            try
            {
                using var json = JsonDocument.Parse(line);
                var root = json.RootElement;
                string? Text(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
                var id = Text("id") ?? throw new InvalidDataException("no id");
                var story = Text("story") ?? throw new InvalidDataException("no story");
                DateTimeOffset? published = Text("published") is { } date
                    ? DateTimeOffset.Parse(date, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal)
                    : null;
                var article = new Article(id, Text("title") ?? "", Text("body") ?? "") { Published = published, Source = Text("source"), Url = Text("url") };
                articles.Add(new LabelledArticle(article, story, Text("story_7d") ?? story));
            }
            catch (Exception e) when (e is JsonException or InvalidDataException or FormatException)
            {
                throw new InvalidDataException($"{path}:{lineNumber}: {e.Message}", e);
            }
        }

        return articles;
    }
}
