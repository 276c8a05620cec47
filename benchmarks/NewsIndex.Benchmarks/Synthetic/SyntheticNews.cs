using System.Globalization;
using System.Text;
using NewsIndex.Entities;
using NewsIndex.Ingestion;

namespace NewsIndex.Benchmarks.Synthetic;

/// <summary>
/// A deterministic generator of news-like articles that mix the catalog's countries, armed forces and bases into
/// sentences, with the ground truth of each article known. The same seed gives the same articles, so scale runs are
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

    private readonly int _seed;
    private readonly Entity[] _countries;
    private readonly Entity[] _namedForces;
    private readonly Entity[] _bases;

    /// <summary>Creates a generator over a catalog's entities.</summary>
    public SyntheticNews(EntityCatalog catalog, int seed = 20240503)
    {
        _seed = seed;
        // Sovereign states with a demonym and an unambiguous name, so the truth is what a careful reader would tag.
        _countries = catalog.All(EntityKind.Country)
            .Where(c => c.Until is null && c.Demonyms.Count > 0 && c.Demonyms[0].Split(' ').Length <= 3 && c.Id.Length == 2 && !catalog.PersonLikeAliases.Contains(c.Name) &&
                        catalog.FindAll(EntityKind.Country, c.Name) is [var only] && only.Id == c.Id && catalog.FindAll(EntityKind.Country, c.Demonyms[0]) is [var d] && d.Id == c.Id)
            .ToArray();
        _namedForces = catalog.All(EntityKind.Force).Where(f => f.Category != "national" && f.Aliases.Count > 0 && catalog.FindAll(EntityKind.Force, f.Aliases[0]).Count == 1).ToArray();
        _bases = catalog.All(EntityKind.Base).Where(b => b.Aliases.Count > 0 && catalog.FindAll(EntityKind.Base, b.Aliases[0]).Count == 1).ToArray();
    }

    /// <summary>Countries the generator draws from.</summary>
    public IReadOnlyList<Entity> Countries => _countries;

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
        var random = new Random(HashCode.Combine(_seed, ordinal));
        var countries = new HashSet<string>(StringComparer.Ordinal);
        var forces = new HashSet<string>(StringComparer.Ordinal);
        var bases = new HashSet<string>(StringComparer.Ordinal);

        var main = Pick(random, _countries);
        var other = Pick(random, _countries.Where(c => c.Id != main.Id).ToArray());
        var force = Pick(random, _namedForces);
        var body = new StringBuilder(2048);
        countries.Add(main.Id);

        var withBase = random.Next(3) == 0;
        var baseEntity = Pick(random, _bases);
        var title = random.Next(3) switch
        {
            0 => $"{main.Demonyms[0]} troops deployed as tensions rise",
            1 => $"Talks between {main.Name} and {other.Name} stall",
            _ => $"{force.Aliases[0]} blamed for attack in {main.Name}",
        };
        if (title.Contains(other.Name, StringComparison.Ordinal))
        {
            countries.Add(other.Id);
        }

        if (title.StartsWith(main.Demonyms[0] + " troops", StringComparison.Ordinal))
        {
            forces.Add(EntityCatalog.NationalForceId(main.Id));
        }

        if (title.StartsWith(force.Aliases[0], StringComparison.Ordinal))
        {
            forces.Add(force.Id);
        }

        var sentences = random.Next(8, 20);
        for (var s = 0; s < sentences; s++)
        {
            switch (random.Next(9))
            {
                case 0:
                    body.Append(CultureInfo.InvariantCulture, $"{main.Demonyms[0]} troops were seen near the border with {other.Name} on {Day(random)}. ");
                    forces.Add(EntityCatalog.NationalForceId(main.Id));
                    countries.Add(other.Id);
                    break;
                case 1:
                    body.Append(CultureInfo.InvariantCulture, $"The {force.Aliases[0]} said it carried out the attack, a claim that could not be verified. ");
                    forces.Add(force.Id);
                    break;
                case 2 when withBase:
                    body.Append(CultureInfo.InvariantCulture, $"Aircraft took off from {baseEntity.Aliases[0]} before dawn, a spokesman said. ");
                    bases.Add(baseEntity.Id);
                    break;
                case 3:
                    body.Append(CultureInfo.InvariantCulture, $"The government of {main.Name} asked {other.Name} for help, according to officials. ");
                    countries.Add(other.Id);
                    break;
                case 4:
                    body.Append(CultureInfo.InvariantCulture, $"{main.Demonyms[0]} officials said the situation in {main.Name} remained tense. ");
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

    private static string Day(Random random) => ((DayOfWeek)random.Next(7)).ToString();

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];

    private static string[] Sorted(HashSet<string> set) => set.Order(StringComparer.Ordinal).ToArray();
}
