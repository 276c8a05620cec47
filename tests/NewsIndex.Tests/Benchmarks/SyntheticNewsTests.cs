using NewsIndex.Testing.Synthetic;
using NewsIndex.Entities;
using NewsIndex.Indexing;
using NewsIndex.Mapping;
using NewsIndex.Querying;
using NewsIndex.Results;

namespace NewsIndex.Tests.Benchmarks;

/// <summary>The synthetic corpus used at scale: deterministic, and its ground truth is what the tagger and index find.</summary>
public class SyntheticNewsTests
{
    private static readonly SyntheticNews Generator = new();

    [Test]
    public void Generate_IsDeterministic_AndIndependentOfOrder()
    {
        var first = Generator.Generate(50).ToArray();
        var again = new SyntheticNews().Generate(50).ToArray();
        Assert.That(again.Select(a => a.Article.Body), Is.EqualTo(first.Select(a => a.Article.Body)));
        Assert.That(Generator.Create(42).Article.Body, Is.EqualTo(first[42].Article.Body));
        Assert.That(new SyntheticNews(seed: 1).Create(42).Article.Body, Is.Not.EqualTo(first[42].Article.Body));
    }

    [Test]
    public void Generate_IsTheSameInEveryProcess()
    {
        // Pinned: a per-process random seed (HashCode.Combine was one) gives another corpus in every run, which made
        // scale runs and story timings unrepeatable. Changing the generator on purpose means updating this digest.
        var text = new System.Text.StringBuilder();
        foreach (var (article, _) in Generator.Generate(20))
        {
            text.Append(article.Id).Append('|').Append(article.Title).Append('|').Append(article.Body).Append('|')
                .Append(article.Published?.ToString("O", System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        }

        var digest = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text.ToString())));
        Assert.That(digest, Is.EqualTo("6A50D39858C2CC1FB73BCEB60073DF5A630C6FFA1DC0D78617FAB5144360D050"));
    }

    [Test]
    public void Tagger_FindsExactlyTheGroundTruth()
    {
        foreach (var (article, truth) in Generator.Generate(400))
        {
            var found = EntityCatalog.Default.Tagger.Tag(article).Mentioned;
            Assert.That(found.Countries, Is.EqualTo(truth.Countries), $"{article.Id}: {article.Title} / {article.Body}");
            Assert.That(found.Forces, Is.EqualTo(truth.Forces), $"{article.Id}: {article.Title} / {article.Body}");
            Assert.That(found.Bases, Is.EqualTo(truth.Bases), $"{article.Id}: {article.Title} / {article.Body}");
        }
    }

    [Test]
    public void Index_AnswersEqualTheGroundTruth_IncludingFacetCounts()
    {
        var corpus = Generator.Generate(600).ToArray();
        using var index = ArticleIndex.CreateInMemory();
        index.IndexAll(corpus.Select(c => c.Article));
        var random = new Random(3);
        for (var i = 0; i < 10; i++)
        {
            var country = SyntheticNews.Countries[random.Next(SyntheticNews.Countries.Count)];
            var expected = corpus.Where(c => c.Truth.Countries.Contains(country.Id)).Select(c => c.Article.Id).Order(StringComparer.Ordinal).ToArray();
            var results = index.Search(Q.Country(country.Name), new SearchOptions { Size = 1000, Snippets = false, Why = false });
            Assert.That(results.Hits.Select(h => h.Id).Order(StringComparer.Ordinal), Is.EqualTo(expected), country.Name);
        }

        var facets = index.Search(Q.All, new SearchOptions { Size = 1, Facets = [FacetField.Force], FacetSize = 1000 }).Facets[FacetField.Force];
        foreach (var facet in facets)
        {
            Assert.That(facet.Count, Is.EqualTo(corpus.Count(c => c.Truth.Forces.Contains(facet.Value))), facet.Value);
        }
    }
}
