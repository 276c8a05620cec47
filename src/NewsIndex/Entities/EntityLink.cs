namespace NewsIndex.Entities;

/// <summary>A lineage link between two forces: the other force and what happened between them.</summary>
/// <param name="Id">The canonical id of the other force.</param>
/// <param name="Relation">What happened: <c>renamed</c> (Wagner Group became Africa Corps), <c>merged</c> (Ansar Dine
/// merged into JNIM), <c>splintered</c> (MUJAO split from AQIM), <c>absorbed</c>.</param>
/// <param name="Year">The year it happened, when known.</param>
public sealed record EntityLink(string Id, string Relation, int? Year = null);
