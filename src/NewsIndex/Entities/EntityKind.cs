namespace NewsIndex.Entities;

/// <summary>The three kinds of entity NewsIndex recognises.</summary>
public enum EntityKind
{
    /// <summary>A state, with an ISO 3166-1 alpha-2 id (ISO 3166-3 former codes for dissolved states: SU, DD, YU, CS, YD).</summary>
    Country,

    /// <summary>An armed body: a national military, a command, a private military company, an insurgent group, a multinational force.</summary>
    Force,

    /// <summary>A military installation.</summary>
    Base,
}
