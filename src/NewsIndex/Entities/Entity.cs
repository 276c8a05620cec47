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

    /// <summary>Forces: the affiliated country; bases: the host country; countries: null.</summary>
    public string? Country { get; init; }

    /// <summary>Bases: countries whose forces use the base.</summary>
    public ValueList<string> Operators { get; init; } = [];

    /// <summary>Bases: coordinates. Countries: a representative point. Forces: null.</summary>
    public GeoPoint? Location { get; init; }

    /// <summary>Forces: <c>national</c>, <c>command</c>, <c>private-military-company</c>, <c>insurgent</c>,
    /// <c>multinational</c>, <c>alliance</c>, <c>un-mission</c>, <c>paramilitary</c>. Bases and countries: null.</summary>
    public string? Category { get; init; }

    /// <summary>Bases: descriptive tags (<c>air</c>, <c>drone</c>, <c>naval</c>, <c>airport</c> …) used to resolve phrases like "the drone base".</summary>
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

    /// <summary>Every surface form: aliases, demonyms and metonyms.</summary>
    public IEnumerable<string> AllNames => Aliases.Concat(Demonyms).Concat(Metonyms);
}
