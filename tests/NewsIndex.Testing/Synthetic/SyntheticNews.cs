using System.Globalization;
using System.Text;
using NewsIndex.Entities;
using NewsIndex.Ingestion;

namespace NewsIndex.Testing.Synthetic;

/// <summary>
/// A deterministic generator of news-like articles that mix countries, armed forces and bases from its own fixed
/// vocabulary into sentences, with the ground truth of each article known (never computed by the library). The same seed gives the same articles, so scale runs are
/// repeatable and exact-answer tests can check the tagger and the index against the truth.
/// </summary>
public sealed class SyntheticNews
{
    private static readonly string[] Sources = ["Reuters", "AP", "AFP", "BBC", "Al Jazeera", "Example Wire", "Sahel Monitor"];
    private static readonly string[] Filler =
    [
        "The government said the measures would take effect next month.",
        "Markets were little changed after the announcement.",
        "Officials declined to give further details, citing security concerns.",
        "The move follows weeks of negotiations between the two sides.",
        "Humanitarian groups warned that thousands of civilians had fled the area.",
        "Prices of fuel and food have risen sharply since the start of the year.",
        "Parliament is expected to vote on the budget before the end of the session.",
        "Analysts said the decision could strain relations with regional partners.",
        "The ministry published the figures on its website on Tuesday.",
        "Opposition leaders called for an independent inquiry into the events.",
        "Diplomats said a new round of talks could begin within weeks.",
        "The statement did not say how many people were involved.",
    ];

    // The generator's own vocabulary, written out here rather than selected through the catalog, so that the ground
    // truth never depends on the code under test: each name is what a careful reader tags as exactly that entity.
    private static readonly SyntheticCountry[] CountryVocabulary =
    [
        new("FR", "France", "French"), new("DE", "Germany", "German"), new("NG", "Nigeria", "Nigerian"), new("EG", "Egypt", "Egyptian"),
        new("ET", "Ethiopia", "Ethiopian"), new("SO", "Somalia", "Somali"), new("UG", "Uganda", "Ugandan"), new("GH", "Ghana", "Ghanaian"),
        new("SN", "Senegal", "Senegalese"), new("MA", "Morocco", "Moroccan"), new("DZ", "Algeria", "Algerian"), new("TN", "Tunisia", "Tunisian"),
        new("LY", "Libya", "Libyan"), new("CM", "Cameroon", "Cameroonian"), new("UA", "Ukraine", "Ukrainian"), new("PL", "Poland", "Polish"),
        new("IT", "Italy", "Italian"), new("ES", "Spain", "Spanish"), new("BR", "Brazil", "Brazilian"), new("MX", "Mexico", "Mexican"),
        new("CA", "Canada", "Canadian"), new("AU", "Australia", "Australian"), new("JP", "Japan", "Japanese"), new("VN", "Vietnam", "Vietnamese"),
        new("ID", "Indonesia", "Indonesian"), new("PK", "Pakistan", "Pakistani"), new("AF", "Afghanistan", "Afghan"), new("IR", "Iran", "Iranian"),
        new("IQ", "Iraq", "Iraqi"), new("SY", "Syria", "Syrian"), new("SE", "Sweden", "Swedish"), new("NO", "Norway", "Norwegian"),
        new("FI", "Finland", "Finnish"), new("GR", "Greece", "Greek"), new("PT", "Portugal", "Portuguese"), new("RO", "Romania", "Romanian"),
        new("HU", "Hungary", "Hungarian"), new("BE", "Belgium", "Belgian"), new("AT", "Austria", "Austrian"), new("TZ", "Tanzania", "Tanzanian"),
    ];

    private static readonly (string Id, string Name)[] ForceVocabulary =
    [
        ("wagner-group", "Wagner Group"), ("africa-corps", "Africa Corps"), ("boko-haram", "Boko Haram"), ("al-shabaab", "al-Shabaab"),
        ("iswap", "Islamic State West Africa Province"), ("jnim", "JNIM"), ("hezbollah", "Hezbollah"), ("taliban", "Taliban"),
        ("m23", "M23"), ("minusma", "MINUSMA"), ("unifil", "UNIFIL"), ("farc", "FARC"),
    ];

    private static readonly (string Id, string Name)[] BaseVocabulary =
    [
        ("dj-camp-lemonnier", "Camp Lemonnier"), ("de-ramstein", "Ramstein Air Base"), ("sy-hmeimim", "Hmeimim Air Base"),
        ("tr-incirlik", "Incirlik Air Base"), ("qa-al-udeid", "Al Udeid Air Base"), ("af-bagram", "Bagram Air Base"),
        ("io-diego-garcia", "Diego Garcia"), ("jp-kadena", "Kadena Air Base"), ("ne-air-base-201", "Air Base 201"),
    ];

    private readonly int _seed;

    /// <summary>Creates a generator. The same seed gives the same articles.</summary>
    public SyntheticNews(int seed = 20240503) => _seed = seed;

    /// <summary>Countries the generator draws from (its own vocabulary).</summary>
    public static IReadOnlyList<SyntheticCountry> Countries => CountryVocabulary;

    /// <summary>Named forces the generator draws from: catalog id and the name written in the text.</summary>
    public static IReadOnlyList<(string Id, string Name)> Forces => ForceVocabulary;

    /// <summary>Bases the generator draws from: catalog id and the name written in the text.</summary>
    public static IReadOnlyList<(string Id, string Name)> Bases => BaseVocabulary;

    /// <summary>Generates <paramref name="count"/> articles lazily (constant memory, any count).</summary>
    public IEnumerable<SyntheticArticle> Generate(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return Create(i);
        }
    }

    /// <summary>The article with this ordinal (independent of the others).</summary>
    public SyntheticArticle Create(int ordinal)
    {
        // HashCode.Combine is randomised per process; the corpus must be the same in every run of a seed.
        var random = new Random(ArticleSeed(_seed, ordinal));
        var countries = new HashSet<string>(StringComparer.Ordinal);
        var forces = new HashSet<string>(StringComparer.Ordinal);
        var bases = new HashSet<string>(StringComparer.Ordinal);

        var main = Pick(random, CountryVocabulary);
        var other = Pick(random, CountryVocabulary.Where(c => c.Id != main.Id).ToArray());
        var force = Pick(random, ForceVocabulary);
        var body = new StringBuilder(2048);
        countries.Add(main.Id);

        var withBase = random.Next(3) == 0;
        var baseEntity = Pick(random, BaseVocabulary);
        var title = random.Next(3) switch
        {
            0 => $"{main.Demonym} troops deployed as tensions rise",
            1 => $"Talks between {main.Name} and {other.Name} stall",
            _ => $"{force.Name} blamed for attack in {main.Name}",
        };
        if (title.Contains(other.Name, StringComparison.Ordinal))
        {
            countries.Add(other.Id);
        }

        if (title.StartsWith(main.Demonym + " troops", StringComparison.Ordinal))
        {
            forces.Add(NationalForceId(main.Id));
        }

        if (title.StartsWith(force.Name, StringComparison.Ordinal))
        {
            forces.Add(force.Id);
        }

        var sentences = random.Next(8, 20);
        for (var s = 0; s < sentences; s++)
        {
            switch (random.Next(9))
            {
                case 0:
                    body.Append(CultureInfo.InvariantCulture, $"{main.Demonym} troops were seen near the border with {other.Name} on {Day(random)}. ");
                    forces.Add(NationalForceId(main.Id));
                    countries.Add(other.Id);
                    break;
                case 1:
                    body.Append(CultureInfo.InvariantCulture, $"The {force.Name} said it carried out the attack, a claim that could not be verified. ");
                    forces.Add(force.Id);
                    break;
                case 2 when withBase:
                    body.Append(CultureInfo.InvariantCulture, $"Aircraft took off from {baseEntity.Name} before dawn, a spokesman said. ");
                    bases.Add(baseEntity.Id);
                    countries.Add(HostOf(baseEntity.Id)); // a named base names its host, whatever else the text names
                    break;
                case 3:
                    body.Append(CultureInfo.InvariantCulture, $"The government of {main.Name} asked {other.Name} for help, according to officials. ");
                    countries.Add(other.Id);
                    break;
                case 4:
                    body.Append(CultureInfo.InvariantCulture, $"{main.Demonym} officials said the situation in {main.Name} remained tense. ");
                    break;
                default:
                    body.Append(Filler[random.Next(Filler.Length)]).Append(' ');
                    break;
            }

            if (random.Next(4) == 0)
            {
                body.Append("\n\n");
            }
        }

        var published = new DateTimeOffset(2015, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(random.Next(0, 10 * 365 * 24 * 60));
        var article = new Article($"syn-{ordinal:D8}", title, body.ToString().Trim())
        {
            Published = published,
            Source = Sources[random.Next(Sources.Length)],
        };
        return new SyntheticArticle(article, new EntitySet(Sorted(countries), Sorted(forces), Sorted(bases)));
    }

    /// <summary>A base's host country: the first two letters of its catalog id (<c>qa-al-udeid</c>), restated here on purpose.</summary>
    private static string HostOf(string baseId) => baseId[..2].ToUpperInvariant();

    /// <summary>The catalog's id convention for a national military (<c>fr-armed-forces</c>), restated here on purpose.</summary>
    private static string NationalForceId(string country) => $"{country.ToLowerInvariant()}-armed-forces";

    private static string Day(Random random) => ((DayOfWeek)random.Next(7)).ToString();

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];

    /// <summary>A per-article seed that depends only on the corpus seed and the ordinal (SplitMix64 finaliser).</summary>
    internal static int ArticleSeed(int seed, int ordinal)
    {
        var x = ((ulong)(uint)seed << 32) | (uint)ordinal;
        x ^= x >> 30;
        x *= 0xbf58476d1ce4e5b9UL;
        x ^= x >> 27;
        x *= 0x94d049bb133111ebUL;
        x ^= x >> 31;
        return (int)(x & int.MaxValue);
    }

    private static string[] Sorted(HashSet<string> set) => set.Order(StringComparer.Ordinal).ToArray();
}

/// <summary>A country of the generator's vocabulary.</summary>
/// <param name="Id">ISO 3166-1 alpha-2 code.</param>
/// <param name="Name">The name written in the text.</param>
/// <param name="Demonym">The adjective written before "troops" and "officials".</param>
public sealed record SyntheticCountry(string Id, string Name, string Demonym);
