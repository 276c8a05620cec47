namespace NewsIndex.Entities;

/// <summary>
/// A canonical entity of the catalog: a country, an armed force or a military base.
/// </summary>
/// <param name="Kind">Country, force or base.</param>
/// <param name="Id">Canonical id: ISO 3166-1 alpha-2 for countries (<c>NE</c>), a slug for forces and bases
/// (<c>wagner-group</c>, <c>ne-air-base-101</c>).</param>
/// <param name="Name">Display name.</param>
public sealed record Entity(EntityKind Kind, string Id, string Name)
{
    /// <summary>Names the tagger recognises in text (besides <see cref="Demonyms"/> and <see cref="Metonyms"/>).</summary>
    public ValueList<string> Aliases { get; init; } = [];

    /// <summary>Countries: adjectives and nouns for the people (<c>Nigerien</c>, <c>American</c>). Empty for other kinds.</summary>
    public ValueList<string> Demonyms { get; init; } = [];

    /// <summary>Countries: places that stand for the state (<c>Washington</c>, <c>Kremlin</c>, capitals). Empty for other kinds.</summary>
    public ValueList<string> Metonyms { get; init; } = [];

    /// <summary>Countries: leaders and officials whose name stands for the state in news (<c>Emmanuel Macron</c>,
    /// <c>Macron</c>). Where the text does not name the country itself, the name gives an implied mention that weighs
    /// like the name in what the article is about; where it does, the name adds nothing, so a country a report names is
    /// not made more prominent by its leader. Empty for other kinds.</summary>
    public ValueList<string> People { get; init; } = [];

    /// <summary>Forces: the affiliated country; bases: the host country; countries: null.</summary>
    public string? Country { get; init; }

    /// <summary>Bases: countries whose forces use the base.</summary>
    public ValueList<string> Operators { get; init; } = [];

    /// <summary>Bases: coordinates. Countries: a representative point. Forces: null.</summary>
    public GeoPoint? Location { get; init; }

    /// <summary>Forces: <c>national</c> (a country's military), <c>branch</c>, <c>guard</c>, <c>gendarmerie</c>, <c>police</c>,
    /// <c>security</c>, <c>paramilitary</c>, <c>command</c>, <c>rebel</c>, <c>jihadist</c>, <c>militia</c>, <c>self-defence</c>,
    /// <c>faction</c>, <c>private-military-company</c>, <c>un-mission</c>, <c>mission</c>, <c>multinational</c>,
    /// <c>coalition</c>, <c>alliance</c>. Bases and countries: null.</summary>
    public string? Category { get; init; }

    /// <summary>Bases: descriptive tags (<c>air</c>, <c>drone</c>, <c>naval</c>, <c>airport</c> …) used to resolve phrases like "the drone base".
    /// Forces: <c>party</c> marks a movement that is now mainly a political party (Frelimo, the ANC, Fatah), which the
    /// tagger names as a force only in an armed context.</summary>
    public ValueList<string> Tags { get; init; } = [];

    /// <summary>Bases: the city the base is at or next to, used to resolve "the base in Agadez".</summary>
    public string? City { get; init; }

    /// <summary>Bases: the unit number in names like "Air Base 101", used to resolve numbered references by context.</summary>
    public string? Number { get; init; }

    /// <summary>Historical states: the day the state ceased to exist (e.g. 1991-12-26 for the USSR).</summary>
    public DateOnly? Until { get; init; }

    /// <summary>Historical states: present-day countries whose mentions in articles dated before <see cref="Until"/>
    /// mean this state (<c>Moscow</c> in 1987 is the USSR).</summary>
    public ValueList<string> Covers { get; init; } = [];

    /// <summary>Forces: short names (mostly acronyms such as <c>FAN</c> or <c>SAF</c>) the tagger recognises only where the
    /// article mentions the force's <see cref="Country"/> or one of its <see cref="Areas"/>.</summary>
    public ValueList<string> ContextAliases { get; init; } = [];

    /// <summary>Whether the tagger recognises <see cref="Name"/> itself; false for display names too generic to tag
    /// ("National Liberation Army (Colombia)"), whose entity is then found through its aliases only.</summary>
    public bool NameIsAlias { get; init; } = true;

    /// <summary>Forces: other countries the force operates in (besides <see cref="Country"/>); they also count as
    /// context for <see cref="ContextAliases"/> and shared aliases.</summary>
    public ValueList<string> Areas { get; init; } = [];

    /// <summary>Forces: the id of the force this one belongs to (a branch's national military, a katiba's coalition,
    /// a province's parent group), or null.</summary>
    public string? Parent { get; init; }

    /// <summary>Forces: the forces this one came from (renamed from, merged from, splintered from), with years where known.</summary>
    public ValueList<EntityLink> Predecessors { get; init; } = [];

    /// <summary>Forces: the forces that came from this one (the inverse of <see cref="Predecessors"/>; the catalog fills it).</summary>
    public ValueList<EntityLink> Successors { get; init; } = [];

    /// <summary>Where the entry comes from (<c>ucdp-actor-22.1</c>, <c>cia-world-factbook</c>, <c>ofac-sdn</c>), or null for hand-curated entries.</summary>
    public string? Source { get; init; }

    /// <summary>The entry's id in <see cref="Source"/> (a UCDP ActorId, a Factbook country code, an OFAC entity number), or null.</summary>
    public string? SourceId { get; init; }

    /// <summary>Every surface form: aliases, context aliases, demonyms and metonyms.</summary>
    public IEnumerable<string> AllNames => Aliases.Concat(ContextAliases).Concat(Demonyms).Concat(Metonyms);
}
