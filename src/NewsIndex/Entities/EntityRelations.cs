using System.Collections.Concurrent;

namespace NewsIndex.Entities;

/// <summary>How one force is tied to another.</summary>
public enum ForceLink
{
    /// <summary>The other force's parent is this one (a katiba of a coalition, a branch of a national military).</summary>
    Member,

    /// <summary>This force was renamed from, merged from or splintered from the other.</summary>
    Predecessor,

    /// <summary>This force was renamed to or merged into the other.</summary>
    Successor,
}

/// <summary>What the catalog knows about one entity id's ties to countries.</summary>
/// <param name="Kind">The entity's kind.</param>
/// <param name="Id">The id as tagged (a catalog id, or an unlisted base's generated id).</param>
/// <param name="IsListed">Whether the catalog lists the entity (unlisted bases are found by pattern, e.g. "Camp X").</param>
/// <param name="HostCountry">Bases: the country the base is in (for an unlisted base, the country of the article's
/// context when it was tagged); countries: the country itself; forces: null.</param>
/// <param name="Affiliation">Forces: the country the force belongs to or serves; others: null.</param>
/// <param name="Operators">Bases: countries whose forces use it; others: empty.</param>
public sealed record EntityFacts(EntityKind Kind, string Id, bool IsListed, string? HostCountry, string? Affiliation, ValueList<string> Operators)
{
    /// <summary>Countries the entity is tied to: host, affiliation and operators.</summary>
    public IEnumerable<string> TiedCountries
    {
        get
        {
            if (HostCountry is not null && Kind != EntityKind.Country)
            {
                yield return HostCountry;
            }

            if (Affiliation is not null)
            {
                yield return Affiliation;
            }

            foreach (var country in Operators)
            {
                yield return country;
            }
        }
    }
}

/// <summary>
/// The one component that answers relation questions about entity ids: host country, affiliation, operators, whether
/// an id is listed, and the reverse sets (forces affiliated with a country, bases it hosts or operates). The tagger
/// builds unlisted base ids with <see cref="UnlistedBaseId"/>; the document mapper, the query compiler and the snippet
/// marks all ask here, so the convention lives in one file. Thread-safe; reverse sets are computed once per country.
/// </summary>
public sealed class EntityRelations
{
    private const string NoCountry = "xx";
    private readonly EntityCatalog _catalog;
    private readonly ConcurrentDictionary<string, IReadOnlySet<string>> _affiliated = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IReadOnlySet<string>> _tiedBases = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IReadOnlySet<string>> _hosted = new(StringComparer.Ordinal);

    internal EntityRelations(EntityCatalog catalog) => _catalog = catalog;

    /// <summary>The id the tagger gives a base the catalog does not list: the context country's code (or <c>xx</c>) and
    /// a slug of its name, e.g. <c>ke-camp-kambi</c>.</summary>
    public static string UnlistedBaseId(string? country, string slug) => $"{(country ?? NoCountry).ToLowerInvariant()}-{slug}";

    /// <summary>Whether <paramref name="value"/> has the shape of an unlisted base id: a lower-case two-letter country
    /// code (or <c>xx</c>), a hyphen and a slug of lower-case letters, digits and hyphens.</summary>
    public static bool IsUnlistedBaseId(string value) =>
        value.Length > 3 && value.Length <= 200 && char.IsAsciiLetterLower(value[0]) && char.IsAsciiLetterLower(value[1]) && value[2] == '-' &&
        value.All(c => c == '-' || char.IsDigit(c) || (char.IsLetter(c) && !char.IsUpper(c)));

    /// <summary>The facts of one tagged id.</summary>
    public EntityFacts Facts(EntityKind kind, string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var entity = _catalog.Get(kind, id);
        return kind switch
        {
            EntityKind.Country => new EntityFacts(kind, id, entity is not null, entity?.Id ?? id, null, []),
            EntityKind.Force => new EntityFacts(kind, id, entity is not null, null, entity?.Country, []),
            _ when entity is not null => new EntityFacts(kind, id, true, entity.Country, null, ValueList.From(entity.Operators)),
            _ => new EntityFacts(kind, id, false, UnlistedHost(id), null, []),
        };
    }

    /// <summary>The host country of a base id (listed: from the catalog; unlisted: from its generated id), or null.</summary>
    public string? HostCountry(string baseId) =>
        _catalog.Get(EntityKind.Base, baseId) is { } listed ? listed.Country : UnlistedHost(baseId);

    /// <summary>Whether a tagged id of <paramref name="kind"/> is tied to <paramref name="country"/>: a force affiliated
    /// with it, a base it hosts or operates.</summary>
    public bool IsTiedTo(EntityKind kind, string id, string country) =>
        kind != EntityKind.Country && Facts(kind, id).TiedCountries.Contains(country, StringComparer.Ordinal);

    /// <summary>Whether a tagged base id is located in <paramref name="country"/>.</summary>
    public bool IsHostedIn(EntityKind kind, string id, string country) =>
        kind == EntityKind.Base && string.Equals(HostCountry(id), country, StringComparison.Ordinal);

    /// <summary>Countries a set of mentioned forces and bases is tied to, and the hosts of its bases alone.</summary>
    public (HashSet<string> Tied, HashSet<string> Hosts) CountriesOf(EntitySet mentioned)
    {
        var tied = new HashSet<string>(StringComparer.Ordinal);
        var hosts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in mentioned.Forces)
        {
            tied.UnionWith(Facts(EntityKind.Force, id).TiedCountries);
        }

        foreach (var id in mentioned.Bases)
        {
            var facts = Facts(EntityKind.Base, id);
            tied.UnionWith(facts.TiedCountries);
            if (facts.HostCountry is { } host)
            {
                hosts.Add(host);
            }
        }

        return (tied, hosts);
    }

    /// <summary>Listed forces affiliated with a country.</summary>
    public IReadOnlySet<string> ForcesAffiliatedWith(string country) =>
        _affiliated.GetOrAdd(country, c => _catalog.All(EntityKind.Force).Where(f => f.Country == c).Select(f => f.Id).ToHashSet(StringComparer.Ordinal));

    /// <summary>Listed bases a country hosts or operates.</summary>
    public IReadOnlySet<string> BasesTiedTo(string country) =>
        _tiedBases.GetOrAdd(country, c => _catalog.All(EntityKind.Base).Where(b => b.Country == c || b.Operators.Contains(c)).Select(b => b.Id).ToHashSet(StringComparer.Ordinal));

    /// <summary>Listed bases located in a country.</summary>
    public IReadOnlySet<string> BasesHostedBy(string country) =>
        _hosted.GetOrAdd(country, c => _catalog.All(EntityKind.Base).Where(b => b.Country == c).Select(b => b.Id).ToHashSet(StringComparer.Ordinal));

    /// <summary>Forces tied to <paramref name="forceIds"/> by <paramref name="link"/>, followed transitively (members of
    /// members; the predecessors of predecessors). The starting ids are not included.</summary>
    public HashSet<string> Related(IEnumerable<string> forceIds, ForceLink link)
    {
        ArgumentNullException.ThrowIfNull(forceIds);
        var start = forceIds.ToArray();
        var result = new HashSet<string>(StringComparer.Ordinal);
        if (link == ForceLink.Member)
        {
            foreach (var id in start)
            {
                result.UnionWith(_catalog.Members(id).Select(m => m.Id));
            }

            return result;
        }

        var seen = new HashSet<string>(start, StringComparer.Ordinal);
        var queue = new Queue<string>(start);
        while (queue.Count > 0)
        {
            var entity = _catalog.Get(EntityKind.Force, queue.Dequeue());
            foreach (var next in (link == ForceLink.Predecessor ? entity?.Predecessors : entity?.Successors) ?? [])
            {
                if (seen.Add(next.Id))
                {
                    result.Add(next.Id);
                    queue.Enqueue(next.Id);
                }
            }
        }

        return result;
    }

    private static string? UnlistedHost(string id) =>
        IsUnlistedBaseId(id) && id[..2] != NoCountry ? id[..2].ToUpperInvariant() : null;
}
