namespace NewsIndex.Results;

/// <summary>What search results can be counted by. Only exact-valued fields are here: text fields cannot be faceted.</summary>
public enum FacetField
{
    /// <summary>Countries mentioned (ISO alpha-2).</summary>
    Country,

    /// <summary>Forces mentioned (catalog ids).</summary>
    Force,

    /// <summary>Bases mentioned (catalog ids, or generated ids for unlisted bases).</summary>
    Base,

    /// <summary>The article's source, as written.</summary>
    Source,

    /// <summary>Publication month, <c>yyyy-MM</c> (UTC).</summary>
    Month,
}
