using System.Reflection;
using System.Text;

namespace NewsIndex.Ingestion;

/// <summary>
/// The five bundled seed reports (May 2024: Russian forces enter Air Base 101 in Niamey as US troops withdraw),
/// embedded in the assembly. They are the default corpus of the sample console app and a realistic test set:
/// messy bylines, share-button lines, curly apostrophes and one country under four names.
/// </summary>
public static class SeedCorpus
{
    private const string Prefix = "NewsIndex.Seeds.";

    /// <summary>The seed articles, parsed, in file-name order. Ids are the file names without extension.</summary>
    public static IReadOnlyList<Article> Articles => LazyArticles.Value;

    private static readonly Lazy<IReadOnlyList<Article>> LazyArticles = new(Load);

    private static Article[] Load()
    {
        var assembly = typeof(SeedCorpus).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(Prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name => PlainTextArticleParser.Parse(Path.GetFileNameWithoutExtension(name[Prefix.Length..]), ReadResource(assembly, name)))
            .ToArray();
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
