namespace NewsIndex.Entities;

/// <summary>Distinct entity ids by kind, each list sorted ordinally.</summary>
/// <param name="Countries">ISO 3166-1 alpha-2 ids.</param>
/// <param name="Forces">Force ids.</param>
/// <param name="Bases">Base ids.</param>
public sealed record EntitySet(ValueList<string> Countries, ValueList<string> Forces, ValueList<string> Bases)
{
    /// <summary>The empty set.</summary>
    public static EntitySet Empty { get; } = new([], [], []);

    /// <summary>The ids of one kind.</summary>
    public ValueList<string> Of(EntityKind kind) => kind switch
    {
        EntityKind.Country => Countries,
        EntityKind.Force => Forces,
        _ => Bases,
    };

    /// <summary>True when the set holds <paramref name="id"/> of <paramref name="kind"/>.</summary>
    public bool Contains(EntityKind kind, string id) => Of(kind).Contains(id, StringComparer.Ordinal);

    /// <inheritdoc />
    public override string ToString() =>
        $"countries [{string.Join(", ", Countries)}], forces [{string.Join(", ", Forces)}], bases [{string.Join(", ", Bases)}]";
}
