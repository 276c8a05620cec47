namespace NewsIndex.Entities;

/// <summary>Thrown when a name or id does not resolve to any entity of the requested kind.</summary>
public sealed class UnknownEntityException : NewsIndexException
{
    /// <summary>Creates the exception.</summary>
    public UnknownEntityException(EntityKind kind, string value, IReadOnlyList<string> suggestions)
        : base($"no {kind.ToString().ToLowerInvariant()} named \"{value}\" in the catalog" +
               (suggestions.Count > 0 ? $"; did you mean {string.Join(", ", suggestions)}?" : string.Empty))
    {
        Kind = kind;
        Value = value;
        Suggestions = suggestions;
    }

    /// <summary>The kind that was asked for.</summary>
    public EntityKind Kind { get; }

    /// <summary>The text that did not resolve.</summary>
    public string Value { get; }

    /// <summary>Close ids or names, best first.</summary>
    public IReadOnlyList<string> Suggestions { get; }
}
