namespace NewsIndex.Results;

/// <summary>How many matching articles have a facet value.</summary>
/// <param name="Value">The value (e.g. <c>NE</c>, <c>wagner-group</c>, <c>2024-05</c>).</param>
/// <param name="Count">Number of matching articles with it: exact, over all matches, not just the page.</param>
public readonly record struct FacetCount(string Value, int Count);
