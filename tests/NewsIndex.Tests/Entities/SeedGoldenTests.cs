using NewsIndex.Entities;
using NewsIndex.Ingestion;

namespace NewsIndex.Tests.Entities;

/// <summary>
/// What a careful reader tags in each seed article (written by reading them, not by running the tagger):
/// every country, force and base the text refers to, by any name, and nothing else.
/// </summary>
public class SeedGoldenTests
{
    private static readonly Dictionary<string, (string[] Countries, string[] Forces, string[] Bases)> Expected = new()
    {
        // U.S./American/Washington/United States/Pentagon; Russia/Russian/Moscow; Ukraine; Chad; Guinea, Mali, Burkina Faso; French.
        // "Niamey's international airport" is Air Base 101; "the Agadez base" is Air Base 201.
        ["000"] = (["BF", "FR", "GN", "ML", "NE", "RU", "TD", "UA", "US"],
            ["al-qaeda", "fr-armed-forces", "islamic-state", "ne-armed-forces", "ru-armed-forces", "us-armed-forces", "wagner-group"],
            ["ne-air-base-101", "ne-air-base-201"]),
        // "the base in Niger's capital Niamey" and Airbase 101; "a drone base in the central city of Agadez" is Air Base 201.
        // "the Alliance of Sahel States" (Niger, Burkina Faso and Mali) is their defence pact.
        ["001"] = (["BF", "FR", "ML", "NE", "RU", "TD", "UA", "US"],
            ["aes", "africom", "g5-sahel", "islamic-state", "ne-armed-forces", "ru-armed-forces", "us-armed-forces"],
            ["ne-air-base-101", "ne-air-base-201"]),
        // Nigerien = NE; Iran; Germany; Chad; Ukraine. Diori Hamani International Airport is Air Base 101.
        ["002"] = (["DE", "IR", "NE", "RU", "TD", "UA", "US"],
            ["africom", "ru-armed-forces", "us-armed-forces"],
            ["ne-air-base-101"]),
        // Nigeria (Diffa, near Nigeria) next to Niger; Kremlin/Moscow = RU; "Nigerien air force"; Boko Haram, ISWAP.
        // "a $100 million American drone base" in Niger is Air Base 201 (Agadez).
        ["003"] = (["BF", "ML", "NE", "NG", "RU", "UA", "US"],
            ["boko-haram", "iswap", "ne-armed-forces", "ru-armed-forces", "us-armed-forces"],
            ["ne-air-base-101", "ne-air-base-201"]),
        // France's 1,500 troops and French forces; Wagner; US AFRICOM; Pentagon personnel; Air Base 101 and 201.
        ["004"] = (["BF", "FR", "ML", "NE", "RU", "US"],
            ["africom", "fr-armed-forces", "ru-armed-forces", "us-armed-forces", "wagner-group"],
            ["ne-air-base-101", "ne-air-base-201"]),
    };

    private static IEnumerable<TestCaseData> Cases() =>
        Expected.Select(kv => new TestCaseData(kv.Key).SetName($"Seed{kv.Key}_TagsExactlyWhatACarefulReaderFinds"));

    [TestCaseSource(nameof(Cases))]
    public void Seed_TagsExactlyWhatACarefulReaderFinds(string prefix)
    {
        var article = SeedCorpus.Articles.Single(a => a.Id.StartsWith(prefix, StringComparison.Ordinal));
        var tagged = EntityCatalog.Default.Tagger.Tag(article);
        var (countries, forces, bases) = Expected[prefix];
        Assert.Multiple(() =>
        {
            Assert.That(tagged.Mentioned.Countries, Is.EqualTo(countries), "countries");
            Assert.That(tagged.Mentioned.Forces, Is.EqualTo(forces), "forces");
            Assert.That(tagged.Mentioned.Bases, Is.EqualTo(bases), "bases");
        });
    }

    [Test]
    public void Seeds_AreAboutNigerTheUsAndRussia()
    {
        foreach (var article in SeedCorpus.Articles)
        {
            var about = EntityCatalog.Default.Tagger.Tag(article).About;
            Assert.That(about.Countries, Is.SupersetOf(new[] { "NE", "US" }), article.Id);
            Assert.That(about.Forces, Does.Contain("ru-armed-forces"), article.Id);
            Assert.That(about.Countries, Does.Not.Contain("UA").And.Not.Contain("TD"), $"{article.Id}: passing mentions are not what it is about");
        }
    }

    [Test]
    public void MentionOffsets_AreWhereAReaderFindsTheWords()
    {
        // Expected offsets come from searching the text for the words, not from the tagger's own slices.
        const string body = "Russian troops entered Airbase 101 near Niamey on Thursday, as U.S. forces prepared to leave Niger.";
        var mentions = EntityCatalog.Default.Tagger.Tag(new Article("offsets", "", body)).Mentions;
        (string Id, string Text)[] expected =
        [
            ("ru-armed-forces", "Russian troops"), ("ne-air-base-101", "Airbase 101"), ("us-armed-forces", "U.S. forces"), ("NE", "Niger"),
        ];
        foreach (var (id, text) in expected)
        {
            var start = body.IndexOf(text, StringComparison.Ordinal);
            Assert.That(mentions.Where(m => m.Id == id).Select(m => (m.Start, m.End, m.Text)), Does.Contain((start, start + text.Length, text)), id);
        }
    }
}
