using System.Collections.Concurrent;

namespace NewsIndex.Entities;

public sealed partial class EntityCatalog
{
    private const int ResolutionCacheLimit = 10_000;
    private readonly ConcurrentDictionary<(EntityKind, string), Resolution> _resolutions = new();
    private EntityRelations? _relations;

    /// <summary>Host country, affiliation, operators and listing of every entity id, computed in one place for the
    /// tagger, the document mapper, the query compiler and the snippet marks.</summary>
    public EntityRelations Relations => _relations ??= new EntityRelations(this);

    /// <summary>
    /// The one resolution path of query values: every entity of <paramref name="kind"/> that <paramref name="idOrAlias"/>
    /// names (see <see cref="FindAll"/>), or, for bases, an unlisted base's generated id (<c>ke-camp-kambi</c>, which
    /// articles can carry although the catalog does not list it). When nothing matches, returns false with the closest
    /// names as <paramref name="suggestions"/>. Results are memoised per catalog, so the parser and the compiler can both
    /// ask without resolving twice.
    /// </summary>
    public bool TryResolve(EntityKind kind, string idOrAlias, out IReadOnlyList<string> ids, out IReadOnlyList<string> suggestions)
    {
        ArgumentNullException.ThrowIfNull(idOrAlias);
        var key = (kind, idOrAlias.Trim());
        if (!_resolutions.TryGetValue(key, out var resolution))
        {
            resolution = ResolveUncached(kind, key.Item2);
            if (_resolutions.Count < ResolutionCacheLimit)
            {
                _resolutions.TryAdd(key, resolution);
            }
        }

        ids = resolution.Ids;
        suggestions = resolution.Suggestions;
        return ids.Count > 0;
    }

    private Resolution ResolveUncached(EntityKind kind, string value)
    {
        if (value.Length == 0)
        {
            return new Resolution([], []);
        }

        var found = FindAll(kind, value);
        if (found.Count > 0)
        {
            return new Resolution(found.Select(e => e.Id).ToArray(), []);
        }

        if (kind == EntityKind.Base && EntityRelations.IsUnlistedBaseId(value))
        {
            return new Resolution([value], []);
        }

        return new Resolution([], Suggest(kind, value));
    }

    private sealed record Resolution(IReadOnlyList<string> Ids, IReadOnlyList<string> Suggestions);
}
