using System.Globalization;
using System.Text.Json;

namespace NewsIndex.Entities;

/// <summary>Reads the catalog's JSON format (the embedded data and users' extension files share it).</summary>
internal static class CatalogJson
{
    public sealed class Content
    {
        public List<Entity> Entities { get; } = [];
        public List<City> Cities { get; } = [];
        public List<string> NationalNouns { get; } = [];
        public List<string> PersonLikeAliases { get; } = [];
        public List<Region> Regions { get; } = [];
        public List<Shadow> Shadows { get; } = [];
    }

    public static Content Read(Stream stream, string sourceName)
    {
        using var document = ParseDocument(stream, sourceName);
        var root = document.RootElement;
        var content = new Content();
        try
        {
            foreach (var item in Array(root, "countries"))
            {
                var until = OptionalString(item, "until");
                content.Entities.Add(new Entity(EntityKind.Country, RequiredString(item, "id"), RequiredString(item, "name"))
                {
                    Aliases = Strings(item, "aliases"),
                    Demonyms = Strings(item, "demonyms"),
                    Metonyms = Strings(item, "metonyms"),
                    People = Strings(item, "people"),
                    Location = Point(item),
                    Until = until is null ? null : DateOnly.ParseExact(until, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                    Covers = Strings(item, "covers"),
                });
            }

            foreach (var item in Array(root, "forces"))
            {
                content.Entities.Add(new Entity(EntityKind.Force, RequiredString(item, "id"), RequiredString(item, "name"))
                {
                    Aliases = Strings(item, "aliases"),
                    ContextAliases = Strings(item, "contextAliases"),
                    NameIsAlias = !(item.TryGetProperty("nameIsAlias", out var nameIsAlias) && nameIsAlias.ValueKind == JsonValueKind.False),
                    Country = OptionalString(item, "country"),
                    Areas = Strings(item, "areas"),
                    Category = OptionalString(item, "category") ?? OptionalString(item, "type"),
                    Tags = Strings(item, "tags"),
                    Parent = OptionalString(item, "parent"),
                    Predecessors = Links(item, "predecessors"),
                    Successors = Links(item, "successors"),
                    Source = OptionalString(item, "source"),
                    SourceId = OptionalString(item, "sourceId"),
                });
            }

            foreach (var item in Array(root, "bases"))
            {
                content.Entities.Add(new Entity(EntityKind.Base, RequiredString(item, "id"), RequiredString(item, "name"))
                {
                    Aliases = Strings(item, "aliases"),
                    Country = OptionalString(item, "country"),
                    Operators = Strings(item, "operators"),
                    Location = Point(item),
                    City = OptionalString(item, "city"),
                    Tags = Strings(item, "tags"),
                    Number = OptionalString(item, "number"),
                });
            }

            foreach (var row in Array(root, "cities"))
            {
                content.Cities.Add(new City(row[0].GetString()!, row[1].GetString()!, new GeoPoint(row[2].GetDouble(), row[3].GetDouble()), row[4].GetInt64())
                {
                    NamedElsewhere = row.GetArrayLength() > 5 && row[5].GetInt32() == 1,
                });
            }

            // In a shadow gazetteer (it has features, world regions or organisations) regions are shadows; in the
            // country data they are the places that stand for their country (US states, datelines).
            var gazetteer = root.TryGetProperty("features", out _) || root.TryGetProperty("worldRegions", out _) || root.TryGetProperty("organisations", out _);
            foreach (var item in gazetteer ? [] : Array(root, "regions"))
            {
                content.Regions.Add(new Region(RequiredString(item, "name"), RequiredString(item, "country"),
                    item.TryGetProperty("datelineOnly", out var only) && only.ValueKind == JsonValueKind.True, OptionalString(item, "namesCountry")));
            }

            if (gazetteer)
            {
                ReadShadows(root, content.Shadows);
            }
            content.NationalNouns.AddRange(Strings(root, "nationalNouns"));
            content.PersonLikeAliases.AddRange(Strings(root, "personLikeAliases"));
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or IndexOutOfRangeException or KeyNotFoundException)
        {
            throw new NewsIndexException($"{sourceName}: not a valid entity catalog: {ex.Message}", ex);
        }

        return content;
    }

    /// <summary>The shadow gazetteer (<c>shadows.json</c>): regions, physical features, world regions and organisations.</summary>
    private static void ReadShadows(JsonElement root, List<Shadow> shadows)
    {
        foreach (var (key, kind) in (ReadOnlySpan<(string, ShadowKind)>)[("regions", ShadowKind.Region), ("features", ShadowKind.Feature), ("worldRegions", ShadowKind.WorldRegion), ("organisations", ShadowKind.Organisation)])
        {
            foreach (var item in Array(root, key))
            {
                // A named area inside one country ("Crimea", "Darfur": a feature with "implies") counts as a region of it.
                var country = kind == ShadowKind.Region ? RequiredString(item, "country") : kind == ShadowKind.Feature ? OptionalString(item, "implies") : null;
                var effective = country is not null ? ShadowKind.Region : kind;
                foreach (var name in Strings(item, "aliases").Prepend(RequiredString(item, "name")))
                {
                    shadows.Add(new Shadow(name, effective, country));
                }
            }
        }
    }

    private static EntityLink[] Links(JsonElement item, string name) =>
        Array(item, name).Select(link => new EntityLink(RequiredString(link, "id"), OptionalString(link, "relation") ?? "succeeded",
            link.TryGetProperty("year", out var year) && year.ValueKind == JsonValueKind.Number ? year.GetInt32() : null)).ToArray();

    private static JsonDocument ParseDocument(Stream stream, string sourceName)
    {
        try
        {
            return JsonDocument.Parse(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new NewsIndexException($"{sourceName}:{(ex.LineNumber ?? 0) + 1}: not valid JSON: {ex.Message}", ex);
        }
    }

    private static JsonElement[] Array(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToArray() : [];

    private static string RequiredString(JsonElement item, string name) =>
        OptionalString(item, name) ?? throw new KeyNotFoundException($"an entry lacks the required \"{name}\": {Shorten(item.GetRawText())}");

    private static string? OptionalString(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string[] Strings(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Select(v => v.GetString() ?? string.Empty).Where(v => v.Length > 0).ToArray()
            : [];

    private static GeoPoint? Point(JsonElement item) =>
        item.TryGetProperty("lat", out var lat) && item.TryGetProperty("lon", out var lon) &&
        lat.ValueKind == JsonValueKind.Number && lon.ValueKind == JsonValueKind.Number
            ? new GeoPoint(lat.GetDouble(), lon.GetDouble())
            : null;

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
