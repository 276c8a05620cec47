using System.CommandLine;
using System.Globalization;
using NewsIndex.Entities;

namespace NewsIndex.Cli;

/// <summary><c>newsindex entities</c>: browse the entity catalog.</summary>
internal static class EntitiesCommand
{
    public static Command Create()
    {
        var kind = new Option<string?>("--kind", "-k") { Description = "country, force or base." };
        kind.AcceptOnlyFromAmong("country", "force", "base");
        var json = CommonOptions.Json();
        var catalog = CommonOptions.Catalog();
        var text = CommonOptions.Query("Text to look for in ids, names, aliases and leaders' names.", optional: true);
        var command = new Command("entities", "Browse the catalog of countries, forces and bases.") { kind, json, catalog, text };
        command.SetAction(result =>
        {
            var selected = result.GetValue(kind) is { } k ? Enum.Parse<EntityKind>(k, ignoreCase: true) : (EntityKind?)null;
            var needle = CommonOptions.QueryText(result, text);
            var found = CommonOptions.LoadCatalog(result.GetValue(catalog)).Search(selected, needle).ToArray();
            if (result.GetValue(json))
            {
                JsonOutput.Write(w =>
                {
                    w.WriteStartArray();
                    foreach (var e in found)
                    {
                        w.WriteStartObject();
                        w.WriteString("kind", e.Kind.ToString().ToLowerInvariant());
                        w.WriteString("id", e.Id);
                        w.WriteString("name", e.Name);
                        w.WriteStartArray("aliases");
                        e.AllNames.Except(e.ContextAliases).Distinct().ToList().ForEach(w.WriteStringValue);
                        w.WriteEndArray();
                        if (e.ContextAliases.Count > 0)
                        {
                            w.WriteStartArray("contextAliases");
                            e.ContextAliases.ToList().ForEach(w.WriteStringValue);
                            w.WriteEndArray();
                        }

                        if (e.People.Count > 0)
                        {
                            w.WriteStartArray("people");
                            e.People.ToList().ForEach(w.WriteStringValue);
                            w.WriteEndArray();
                        }

                        if (e.Country is not null)
                        {
                            w.WriteString("country", e.Country);
                        }

                        if (e.Areas.Count > 0)
                        {
                            w.WriteStartArray("areas");
                            e.Areas.ToList().ForEach(w.WriteStringValue);
                            w.WriteEndArray();
                        }

                        if (e.Category is not null)
                        {
                            w.WriteString("category", e.Category);
                        }

                        if (e.Parent is not null)
                        {
                            w.WriteString("parent", e.Parent);
                        }

                        WriteLinks(w, "predecessors", e.Predecessors);
                        WriteLinks(w, "successors", e.Successors);
                        if (e.Operators.Count > 0)
                        {
                            w.WriteStartArray("operators");
                            e.Operators.ToList().ForEach(w.WriteStringValue);
                            w.WriteEndArray();
                        }

                        w.WriteString("source", e.Source ?? "curated");
                        if (e.SourceId is not null)
                        {
                            w.WriteString("sourceId", e.SourceId);
                        }

                        if (e.Location is { } at)
                        {
                            w.WriteNumber("lat", at.Latitude);
                            w.WriteNumber("lon", at.Longitude);
                        }

                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                });
                return 0;
            }

            if (Terminal.Rich)
            {
                RichViews.Entities(Terminal.Out, found, Relation);
                Console.Error.WriteLine($"{found.Length} entities");
                return 0;
            }

            foreach (var e in found)
            {
                var relation = Relation(e);
                var at = e.Location is { } p ? string.Create(CultureInfo.InvariantCulture, $" @ {p.Latitude:F4},{p.Longitude:F4}") : string.Empty;
                Console.WriteLine($"{e.Kind.ToString().ToLowerInvariant(),-8}{Terminal.Bold(e.Id),-24} {e.Name}{relation}{at}");
                var names = e.AllNames.Distinct().Take(12).ToArray();
                if (names.Length > 0)
                {
                    Console.WriteLine($"        {Terminal.Dim(string.Join(" | ", names))}");
                }

                if (e.People.Count > 0)
                {
                    // The leaders whose names stand for the country: the matching ones first (a search by a leader's name).
                    var people = e.People.OrderBy(n => needle is { Length: > 0 } && n.Contains(needle, StringComparison.OrdinalIgnoreCase) ? 0 : 1).Take(8);
                    Console.WriteLine($"        {Terminal.Dim("people: " + string.Join(" | ", people) + (e.People.Count > 8 ? $" … ({e.People.Count})" : string.Empty))}");
                }
            }

            Console.Error.WriteLine($"{found.Length} entities");
            return 0;
        });
        return command;
    }

    private static string Relation(Entity e) => e.Kind switch
    {
        EntityKind.Force => $"{(e.Category is null ? string.Empty : $" [{e.Category}]")}{(e.Country is null ? string.Empty : $" affiliated with {e.Country}")}{(e.Parent is null ? string.Empty : $", part of {e.Parent}")}",
        EntityKind.Base => $" in {e.Country}{(e.Operators.Count > 0 ? $", used by {string.Join('/', e.Operators)}" : string.Empty)}",
        _ => string.Empty,
    };

    private static void WriteLinks(System.Text.Json.Utf8JsonWriter w, string name, ValueList<EntityLink> links)
    {
        if (links.Count == 0)
        {
            return;
        }

        w.WriteStartArray(name);
        foreach (var link in links)
        {
            w.WriteStartObject();
            w.WriteString("id", link.Id);
            w.WriteString("relation", link.Relation);
            if (link.Year is { } year)
            {
                w.WriteNumber("year", year);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
