namespace NewsIndex.Querying;

/// <summary>
/// Related forces a force clause also matches: its members (the katibas of a coalition, the branches of a national
/// military, transitively) and its lineage (the forces it came from and became: Wagner Group → Africa Corps, the groups
/// that merged into JNIM). Syntax: a suffix on the value, <c>force:JNIM/members</c>, <c>force:Wagner/lineage</c>,
/// <c>force:JNIM/members+predecessors</c>.
/// </summary>
[Flags]
public enum ForceRelations
{
    /// <summary>Only the force itself.</summary>
    None = 0,

    /// <summary>Forces whose parent is the force, and theirs in turn. Suffix <c>/members</c>.</summary>
    Members = 1,

    /// <summary>Forces the force was renamed from, merged from or splintered from, transitively. Suffix <c>/predecessors</c>.</summary>
    Predecessors = 2,

    /// <summary>Forces the force was renamed to or merged into, transitively. Suffix <c>/successors</c>.</summary>
    Successors = 4,

    /// <summary>Predecessors and successors. Suffix <c>/lineage</c>.</summary>
    Lineage = Predecessors | Successors,
}
