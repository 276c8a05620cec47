using System.IO.Compression;
using System.Text.Json;
using NewsIndex.Entities;
using NewsIndex.Ingestion;

namespace NewsIndex.Testing.Evaluation;

/// <summary>
/// Scores article-level country sets against Reuters-21578 PLACES labels: the tagger's <c>about</c> set, its
/// all-mentions set, and the naive name matcher, all in one run over the same articles.
/// </summary>
public static class ReutersEvaluation
{
    /// <summary>The figures of one run.</summary>
    public sealed record Result(int Articles, int Unmapped, SetScore About, SetScore Mentioned, SetScore Naive);

    /// <summary>Runs the evaluation over a Reuters JSON Lines file (gzip or plain). Articles without PLACES are skipped.</summary>
    public static Result Run(string path, EntityCatalog catalog, int? limit = null)
    {
        var labels = ReadPlaces(path);
        var naive = new NaiveCountryMatcher(catalog);
        var about = new SetScore();
        var mentioned = new SetScore();
        var naiveScore = new SetScore();
        var unmapped = 0;
        var count = 0;
        foreach (var article in ArticleReader.Read(path))
        {
            if (!labels.TryGetValue(article.Id, out var places) || places.Length == 0)
            {
                continue;
            }

            var gold = new HashSet<string>(StringComparer.Ordinal);
            foreach (var place in places)
            {
                if (ReutersPlaces.ToCountryId(place, catalog) is { } id)
                {
                    gold.Add(id);
                }
                else
                {
                    unmapped++;
                }
            }

            var entities = catalog.Tagger.Tag(article);
            about.Add(entities.About.Countries.ToHashSet(StringComparer.Ordinal), gold);
            mentioned.Add(entities.Mentioned.Countries.ToHashSet(StringComparer.Ordinal), gold);
            naiveScore.Add(naive.Match($"{article.Title}\n{article.Dateline}\n{article.Body}"), gold);
            if (++count == limit)
            {
                break;
            }
        }

        return new Result(count, unmapped, about, mentioned, naiveScore);
    }

    private static Dictionary<string, string[]> ReadPlaces(string path)
    {
        var result = new Dictionary<string, string[]>(StringComparer.Ordinal);
        using var file = File.OpenRead(path);
        using var input = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : (Stream)file;
        using var reader = new StreamReader(input);
        while (reader.ReadLine() is { } line)
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.TryGetProperty("places", out var places) && root.TryGetProperty("id", out var id))
            {
                result[id.GetString()!] = places.EnumerateArray().Select(p => p.GetString()!).ToArray();
            }
        }

        return result;
    }
}
