using NewsIndex.Entities;

namespace NewsIndex.Querying;

/// <summary>
/// Factories of typed query clauses. Combine them with <c>&amp;</c>, <c>|</c> and <c>!</c>:
/// <c>Q.Force("Wagner") &amp; Q.Text("airbase") &amp; !Q.Country("Mali")</c>.
/// Entity factories take an id or any alias the catalog knows and only ever match that kind of entity.
/// </summary>
public static class Q
{
    /// <summary>Every article.</summary>
    public static NewsQuery All { get; } = new MatchAllClause();

    /// <summary>Articles containing every word of <paramref name="text"/> (analysed: case, accents, plurals do not matter).</summary>
    public static NewsQuery Text(string text, TextScope scope = TextScope.All) => new TextClause(text, scope);

    /// <summary>Articles containing the words of <paramref name="phrase"/> in order, at most <paramref name="slop"/> positions apart.</summary>
    public static NewsQuery Phrase(string phrase, int slop = 0, TextScope scope = TextScope.All) => new PhraseClause(phrase, slop, scope);

    /// <summary>Articles with a word starting with <paramref name="prefix"/> (at least 2 characters).</summary>
    public static NewsQuery Prefix(string prefix, TextScope scope = TextScope.All) => new PrefixClause(prefix, scope);

    /// <summary>Articles with a word within <paramref name="maxEdits"/> edits (1 or 2) of <paramref name="term"/>; the first character must match.</summary>
    public static NewsQuery Fuzzy(string term, int maxEdits = 1, TextScope scope = TextScope.All) => new FuzzyClause(term, maxEdits, scope);

    /// <summary>Articles mentioning a country, given by ISO code or any name the catalog knows (<c>"TD"</c>, <c>"Chad"</c>, <c>"Chadian"</c>).</summary>
    public static NewsQuery Country(string idOrAlias, EntityScope scope = EntityScope.Mentions) => new EntityClause(EntityKind.Country, idOrAlias, scope);

    /// <summary>Articles mentioning an armed force, by id or alias (<c>"wagner-group"</c>, <c>"Wagner"</c>, <c>"Russian troops"</c>);
    /// with <paramref name="include"/>, also its members or lineage (<c>Q.Force("JNIM", include: ForceRelations.Members)</c>
    /// finds an article that names only a katiba of JNIM).</summary>
    public static NewsQuery Force(string idOrAlias, EntityScope scope = EntityScope.Mentions, ForceRelations include = ForceRelations.None) =>
        new EntityClause(EntityKind.Force, idOrAlias, scope, include);

    /// <summary>Articles mentioning a military base, by id or alias (<c>"ne-air-base-101"</c>, <c>"Airbase 101"</c>).</summary>
    public static NewsQuery Base(string idOrAlias, EntityScope scope = EntityScope.Mentions) => new EntityClause(EntityKind.Base, idOrAlias, scope);

    /// <summary>Articles mentioning an entity from the catalog.</summary>
    public static NewsQuery Mentions(Entity entity) => new EntityClause(Require(entity).Kind, entity.Id, EntityScope.Mentions);

    /// <summary>Articles about an entity from the catalog (it is among their prominent entities).</summary>
    public static NewsQuery About(Entity entity) => new EntityClause(Require(entity).Kind, entity.Id, EntityScope.About);

    /// <summary>Articles mentioning a force or base tied to a country: forces affiliated with it, bases it hosts or operates.</summary>
    public static NewsQuery AffiliatedWith(string country) => new AffiliatedWithClause(country);

    /// <summary>Articles mentioning a base located in a country.</summary>
    public static NewsQuery LocatedIn(string country) => new LocatedInClause(country);

    /// <summary>Articles mentioning a base within <paramref name="kilometres"/> of a place: a base, a city or a country's reference point.</summary>
    public static NewsQuery Near(string place, double kilometres) => new NearClause(place, kilometres);

    /// <summary>Articles published in a date range (UTC days, both ends inclusive; null for open). Articles with no date never match.</summary>
    public static NewsQuery Published(DateOnly? from, DateOnly? to) => new PublishedClause(from, to);

    /// <summary>Articles attributed to a source (case-insensitive, exact: <c>"BBC"</c>).</summary>
    public static NewsQuery Source(string source) => new SourceClause(source);

    private static Entity Require(Entity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return entity;
    }
}
