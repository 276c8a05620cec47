namespace NewsIndex.Entities;

/// <summary>What a shadow name is.</summary>
internal enum ShadowKind : byte
{
    /// <summary>A first-level region (state, province, county), or a named area inside one country ("Crimea", "Darfur"):
    /// implies its country, at low prominence.</summary>
    Region,

    /// <summary>A physical feature (lake, island, river, mountain range): implies nothing.</summary>
    Feature,

    /// <summary>A world region (North America, Latin America): implies nothing.</summary>
    WorldRegion,

    /// <summary>An organisation named after a place (Bank of China, Qatar Airways, Inter Milan): implies nothing.</summary>
    Organisation,
}

/// <summary>
/// A name that contains a country, capital or force name but means something else ("Lake Chad", "Bank of China",
/// "Lower Juba"). The tagger matches it like an alias, so the longer name wins and consumes its words.
/// </summary>
/// <param name="Name">The name as written.</param>
/// <param name="Kind">Region, feature, world region or organisation.</param>
/// <param name="Country">For regions, the country the region implies; null otherwise.</param>
internal sealed record Shadow(string Name, ShadowKind Kind, string? Country);
