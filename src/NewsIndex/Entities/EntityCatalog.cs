using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;

namespace NewsIndex.Entities;

/// <summary>
/// The canonical countries, armed forces and military bases NewsIndex knows, with their aliases and relations.
/// <see cref="Default"/> is built from the embedded data; extend or override it with <see cref="With(IEnumerable{Entity})"/>
/// or <see cref="WithFile(string)"/>.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed partial class EntityCatalog
{
    private static readonly string[] DefaultNationalNouns = ["troops", "forces", "soldiers", "military", "army", "navy", "air force"];
    private static readonly string[] EmbeddedParts = ["countries", "forces", "bases", "cities"];

    // Optional parts: the shadow gazetteer ships as its own file and the catalog works without it.
    private static readonly string[] OptionalEmbeddedParts = ["shadows"];
    private static readonly Lazy<EntityCatalog> LazyDefault = new(LoadDefault);

    private readonly FrozenDictionary<(EntityKind, string), Entity> _byId;
    private readonly Dictionary<EntityKind, Entity[]> _byKind;
    private readonly HashSet<(EntityKind, string)> _generated;
    private readonly Lazy<EntityTagger> _tagger;
    private readonly Lazy<string> _version;
    private readonly Lazy<FrozenDictionary<string, City>> _cityByName;
    private readonly Lazy<Dictionary<(EntityKind, string), Entity[]>> _aliases;
    private readonly Lazy<Dictionary<string, Entity[]>> _members;

    private EntityCatalog(IEnumerable<Entity> entities, IReadOnlyList<City> cities, IReadOnlyList<string> nationalNouns, IReadOnlyList<string> personLikeAliases, IReadOnlyList<Region> regions, IReadOnlyList<Shadow> shadows)
    {
        var merged = new Dictionary<(EntityKind, string), Entity>();
        var order = new List<(EntityKind, string)>();
        foreach (var entity in entities)
        {
            Validate(entity);
            var key = (entity.Kind, entity.Id);
            if (!merged.ContainsKey(key))
            {
                order.Add(key);
            }

            merged[key] = entity;
        }

        // Every country gets its national military, unless the data already names one.
        var generated = new HashSet<(EntityKind, string)>();
        foreach (var country in order.Where(k => k.Item1 == EntityKind.Country).Select(k => merged[k]).ToArray())
        {
            var forceKey = (EntityKind.Force, NationalForceId(country.Id));
            if (!merged.ContainsKey(forceKey))
            {
                order.Add(forceKey);
                generated.Add(forceKey);
                merged[forceKey] = new Entity(EntityKind.Force, forceKey.Item2, $"Armed forces of {country.Name}")
                {
                    Country = country.Id,
                    Category = "national",
                };
            }
        }

        LinkSuccessors(merged);
        _generated = generated;
        _byId = merged.ToFrozenDictionary();
        _byKind = Enum.GetValues<EntityKind>().ToDictionary(k => k, k => order.Where(o => o.Item1 == k).Select(o => merged[o]).ToArray());
        Cities = cities;
        NationalNouns = nationalNouns.Count > 0 ? nationalNouns : DefaultNationalNouns;
        PersonLikeAliases = personLikeAliases;
        Regions = regions;
        Shadows = shadows;
        _tagger = new Lazy<EntityTagger>(() => new EntityTagger(this));
        _version = new Lazy<string>(ComputeVersion);
        _aliases = new Lazy<Dictionary<(EntityKind, string), Entity[]>>(() => _byKind.Values.SelectMany(e => e)
            .SelectMany(e => e.AllNames.Append(e.Name).Select(AliasKey).Distinct().Select(key => (Key: (e.Kind, key), Entity: e)))
            .GroupBy(x => x.Key)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Entity).ToArray()));
        _members = new Lazy<Dictionary<string, Entity[]>>(() => _byKind[EntityKind.Force].Where(f => f.Parent is not null)
            .GroupBy(f => f.Parent!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal));
        _cityByName = new Lazy<FrozenDictionary<string, City>>(() => Cities
            .GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(g => g.Key, g => g.MaxBy(c => c.Population)!, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>The catalog built from the embedded data: every ISO 3166-1 country plus historical states, a national
    /// military for each, the curated named forces and bases, and cities of 100,000 people or more.</summary>
    public static EntityCatalog Default => LazyDefault.Value;

    /// <summary>A content hash of the catalog: two catalogs with the same entities have the same version.
    /// Indexes record it so that an index tagged with another catalog is noticed.</summary>
    public string Version => _version.Value;

    /// <summary>Cities used for datelines, indirect base references and <c>Near</c> queries.</summary>
    public IReadOnlyList<City> Cities { get; }

    /// <summary>Nouns that, after a country name or demonym, make a national-military mention ("Russian <i>troops</i>").</summary>
    public IReadOnlyList<string> NationalNouns { get; }

    /// <summary>Country aliases that are also first names or US states ("Chad", "Jordan", "Georgia"); the tagger
    /// drops them next to another capitalised name.</summary>
    public IReadOnlyList<string> PersonLikeAliases { get; }

    /// <summary>Sub-national places that stand for their country in datelines and text.</summary>
    internal IReadOnlyList<Region> Regions { get; }

    /// <summary>Names that contain an entity's name but mean something else (regions, features, organisations).</summary>
    internal IReadOnlyList<Shadow> Shadows { get; }

    /// <summary>The tagger for this catalog (built once, on first use).</summary>
    public EntityTagger Tagger => _tagger.Value;

    /// <summary>All entities of a kind, in catalog order.</summary>
    public IReadOnlyList<Entity> All(EntityKind kind) => _byKind[kind];

    /// <summary>The entity with this exact canonical id, or null.</summary>
    public Entity? Get(EntityKind kind, string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _byId.GetValueOrDefault((kind, id)) ??
               (kind == EntityKind.Country ? _byId.GetValueOrDefault((kind, id.ToUpperInvariant())) : _byId.GetValueOrDefault((kind, id.ToLowerInvariant())));
    }

    /// <summary>
    /// Finds an entity by canonical id or by anything the tagger recognises as exactly that entity:
    /// <c>TD</c>, <c>Chad</c>, <c>Chadian</c>; <c>Wagner</c>, <c>"Russian troops"</c>; <c>"Airbase 101"</c>.
    /// Case and punctuation are relaxed (<c>wagner</c>, <c>u.s.</c>). Returns null when nothing matches; when an alias
    /// names several entities, the first in catalog order (see <see cref="FindAll"/>).
    /// </summary>
    public Entity? Find(EntityKind kind, string idOrAlias)
    {
        var all = FindAll(kind, idOrAlias);
        return all.Count > 0 ? all[0] : null;
    }

    /// <summary>
    /// Every entity of <paramref name="kind"/> that <paramref name="idOrAlias"/> names: the one with that id, or all
    /// that share the alias (<c>Air Base 101</c> names Niger's base at Niamey and Mali's at Bamako), or what the tagger
    /// resolves the text to (<c>French troops</c>). Empty when nothing matches.
    /// </summary>
    public IReadOnlyList<Entity> FindAll(EntityKind kind, string idOrAlias)
    {
        ArgumentNullException.ThrowIfNull(idOrAlias);
        var text = idOrAlias.Trim();
        if (text.Length == 0)
        {
            return [];
        }

        if (Get(kind, text) is { } byId)
        {
            return [byId];
        }

        if (_aliases.Value.TryGetValue((kind, AliasKey(text)), out var named))
        {
            return named;
        }

        // Generated forms (national-military patterns, "Air Base NNN") resolve through the tagger, so that resolution
        // and tagging can never disagree. The alias must cover the whole text.
        foreach (var candidate in (string[])[text, Capitalize(text)])
        {
            var whole = Tagger.Tag(candidate).FirstOrDefault(m => m.Kind == kind && m.Start == 0 && m.End >= candidate.TrimEnd('.').Length);
            if (whole.Id is not null && Get(kind, whole.Id) is { } tagged)
            {
                return [tagged];
            }
        }

        return [];
    }

    /// <summary>Like <see cref="Find"/>, but throws <see cref="UnknownEntityException"/> (with suggestions) when nothing matches.</summary>
    public Entity Resolve(EntityKind kind, string idOrAlias) =>
        Find(kind, idOrAlias) ?? throw new UnknownEntityException(kind, idOrAlias, Suggest(kind, idOrAlias));

    /// <summary>Entities of <paramref name="kind"/> (all kinds when null) whose id, name, alias or (for a country) one of
    /// its <see cref="Entity.People"/> contains <paramref name="text"/>.</summary>
    public IEnumerable<Entity> Search(EntityKind? kind, string? text) =>
        Enum.GetValues<EntityKind>().Where(k => kind is null || k == kind).SelectMany(All)
            .Where(e => string.IsNullOrWhiteSpace(text) ||
                        e.Id.Contains(text, StringComparison.OrdinalIgnoreCase) ||
                        e.Name.Contains(text, StringComparison.OrdinalIgnoreCase) ||
                        e.AllNames.Any(a => a.Contains(text, StringComparison.OrdinalIgnoreCase)) ||
                        e.People.Any(a => a.Contains(text, StringComparison.OrdinalIgnoreCase)));

    /// <summary>The city of this name (the most populous one), or null.</summary>
    public City? FindCity(string name) => _cityByName.Value.GetValueOrDefault(name.Trim());

    /// <summary>A new catalog: these entities added, or replacing the ones with the same kind and id. A name the new
    /// entities claim (an alias or context alias) is taken away from the existing entities of the same kind, so the
    /// user's entry wins instead of making the name ambiguous.</summary>
    public EntityCatalog With(IEnumerable<Entity> entities)
    {
        ArgumentNullException.ThrowIfNull(entities);
        var added = entities.ToArray();
        var claimed = added.SelectMany(e => e.Aliases.Concat(e.ContextAliases).Select(a => (e.Kind, Key: AliasKey(a)))).ToHashSet();
        var replaced = added.Select(e => (e.Kind, e.Id)).ToHashSet();
        // Generated national militaries are left out so that they are generated again for the new set of countries.
        var own = _byKind.Values.SelectMany(e => e).Where(e => !_generated.Contains((e.Kind, e.Id)));
        if (claimed.Count > 0)
        {
            own = own.Select(e => replaced.Contains((e.Kind, e.Id)) || !e.Aliases.Concat(e.ContextAliases).Append(e.Name).Any(a => claimed.Contains((e.Kind, AliasKey(a))))
                ? e
                : e with
                {
                    NameIsAlias = e.NameIsAlias && !claimed.Contains((e.Kind, AliasKey(e.Name))),
                    Aliases = e.Aliases.Where(a => !claimed.Contains((e.Kind, AliasKey(a)))).ToArray(),
                    ContextAliases = e.ContextAliases.Where(a => !claimed.Contains((e.Kind, AliasKey(a)))).ToArray(),
                });
        }

        entities = added;
        // Successors are derived from predecessors again, so a replaced or removed link does not linger.
        own = own.Select(e => e.Successors.Count == 0 ? e : e with { Successors = [] });
        return new EntityCatalog(own.Concat(entities), Cities, NationalNouns, PersonLikeAliases, Regions, Shadows);
    }

    /// <summary>A new catalog with the entities of a JSON file in the catalog format (keys <c>countries</c>,
    /// <c>forces</c>, <c>bases</c>, as in the embedded data) added or replacing existing ones; shadow names in the
    /// file (keys <c>regions</c>, <c>features</c>, <c>worldRegions</c>, <c>organisations</c>, as in <c>shadows.json</c>) are added too.</summary>
    public EntityCatalog WithFile(string path)
    {
        using var stream = File.OpenRead(path);
        var content = CatalogJson.Read(stream, path);
        var extended = With(content.Entities);
        return content.Shadows.Count == 0 && content.Regions.Count == 0
            ? extended
            : new EntityCatalog(extended.All(EntityKind.Country).Concat(extended.All(EntityKind.Force).Where(f => !extended._generated.Contains((f.Kind, f.Id))))
                    .Concat(extended.All(EntityKind.Base)).Select(e => e.Successors.Count == 0 ? e : e with { Successors = [] }),
                Cities, NationalNouns, PersonLikeAliases, [.. Regions, .. content.Regions], [.. Shadows, .. content.Shadows]);
    }

    /// <summary>The forces whose <see cref="Entity.Parent"/> is <paramref name="forceId"/>, and theirs in turn
    /// (JNIM's katibas; a national military's branches).</summary>
    public IReadOnlyList<Entity> Members(string forceId)
    {
        ArgumentNullException.ThrowIfNull(forceId);
        var result = new List<Entity>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { forceId };
        var queue = new Queue<string>([forceId]);
        while (queue.Count > 0)
        {
            var id = queue.Dequeue();
            foreach (var member in _members.Value.GetValueOrDefault(id, []))
            {
                if (seen.Add(member.Id))
                {
                    result.Add(member);
                    queue.Enqueue(member.Id);
                }
            }
        }

        return result;
    }

    /// <summary>The id of a country's national military (<c>ru-armed-forces</c> for <c>RU</c>).</summary>
    public static string NationalForceId(string countryId) => $"{countryId.ToLowerInvariant()}-armed-forces";


    private static EntityCatalog LoadDefault()
    {
        var assembly = typeof(EntityCatalog).Assembly;
        var parts = EmbeddedParts.Select(name =>
        {
            using var stream = assembly.GetManifestResourceStream($"NewsIndex.Entities.Data.{name}.json")
                               ?? throw new InvalidOperationException($"embedded {name}.json is missing from the assembly");
            return CatalogJson.Read(stream, $"{name}.json");
        }).Concat(OptionalEmbeddedParts.Select(name =>
        {
            using var stream = assembly.GetManifestResourceStream($"NewsIndex.Entities.Data.{name}.json");
            return stream is null ? null : CatalogJson.Read(stream, $"{name}.json");
        }).OfType<CatalogJson.Content>()).ToArray();
        return new EntityCatalog(parts.SelectMany(p => p.Entities), parts.SelectMany(p => p.Cities).ToArray(),
            parts.SelectMany(p => p.NationalNouns).ToArray(), parts.SelectMany(p => p.PersonLikeAliases).ToArray(), parts.SelectMany(p => p.Regions).ToArray(),
            parts.SelectMany(p => p.Shadows).ToArray());
    }

    /// <summary>Fills each force's <see cref="Entity.Successors"/> from the others' <see cref="Entity.Predecessors"/>.</summary>
    private static void LinkSuccessors(Dictionary<(EntityKind, string), Entity> merged)
    {
        var successors = new Dictionary<(EntityKind, string), List<EntityLink>>();
        foreach (var entity in merged.Values)
        {
            foreach (var link in entity.Predecessors)
            {
                var key = (entity.Kind, link.Id);
                if (merged.ContainsKey(key))
                {
                    (successors.TryGetValue(key, out var list) ? list : successors[key] = []).Add(link with { Id = entity.Id });
                }
            }
        }

        foreach (var (key, links) in successors)
        {
            var entity = merged[key];
            var all = entity.Successors.Concat(links).DistinctBy(l => l.Id).OrderBy(l => l.Id, StringComparer.Ordinal).ToArray();
            merged[key] = entity with { Successors = all };
        }
    }

    private static void Validate(Entity entity)
    {
        if (string.IsNullOrWhiteSpace(entity.Id) || entity.Id.Any(char.IsWhiteSpace))
        {
            throw new NewsIndexException($"entity ids must be non-empty and contain no spaces: \"{entity.Id}\" ({entity.Name})");
        }
    }

    /// <summary>An alias's words in normal form (case, accents, possessives and dots removed), for exact lookups.</summary>
    private static string AliasKey(string alias) => string.Join(' ', Tokenizer.Words(alias).Select(w => w.Word));

    private static string Capitalize(string text) =>
        string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    private string[] Suggest(EntityKind kind, string text)
    {
        var needle = text.Trim();
        return All(kind)
            .Select(e => (e, score: e.AllNames.Append(e.Id).Append(e.Name).Min(n => Distance(n, needle))))
            .Where(x => x.score <= Math.Max(2, needle.Length / 3))
            .OrderBy(x => x.score).ThenBy(x => x.e.Id, StringComparer.Ordinal)
            .Take(3).Select(x => $"{x.e.Id} ({x.e.Name})").ToArray();
    }

    private static int Distance(string a, string b)
    {
        a = a.ToLowerInvariant();
        b = b.ToLowerInvariant();
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    private string ComputeVersion()
    {
        var builder = new StringBuilder();
        foreach (var entity in _byKind.Values.SelectMany(e => e))
        {
            // Every field, so that any change to what the tagger or a query can see changes the version.
            builder.Append(entity.Kind).Append('|').Append(entity.Id).Append('|').Append(entity.Name).Append('|').Append(entity.Country).Append('|')
                .AppendJoin(';', entity.Aliases).Append('|').AppendJoin(';', entity.ContextAliases).Append('|').AppendJoin(';', entity.Demonyms)
                .Append('|').AppendJoin(';', entity.Metonyms).Append('|').AppendJoin(';', entity.People).Append('|').Append(entity.NameIsAlias).Append('|').AppendJoin(';', entity.Areas)
                .Append('|').Append(entity.Category).Append('|').Append(entity.Parent).Append('|').AppendJoin(';', entity.Predecessors)
                .Append('|').AppendJoin(';', entity.Successors).Append('|').Append(entity.Source).Append('|').Append(entity.SourceId)
                .Append('|').AppendJoin(';', entity.Operators).Append('|').Append(entity.City).Append('|').Append(entity.Number)
                .Append('|').AppendJoin(';', entity.Tags).Append('|').Append(entity.Until?.ToString("O", System.Globalization.CultureInfo.InvariantCulture))
                .Append('|').AppendJoin(';', entity.Covers).Append('|')
                .Append(entity.Location is { } at ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{at.Latitude},{at.Longitude}") : string.Empty).Append('\n');
        }

        builder.AppendJoin(';', NationalNouns).AppendJoin(';', PersonLikeAliases).AppendJoin(';', Regions).AppendJoin(';', Shadows);
        foreach (var city in Cities)
        {
            builder.Append(city.Name).Append('|').Append(city.Country).Append('|').Append(city.Population).Append('|').Append(city.NamedElsewhere).Append(';');
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())))[..16].ToLowerInvariant();
    }
}
