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
        var text = new Argument<string?>("QUERY") { Description = "Text to look for in ids, names and aliases.", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("entities", "Browse the catalog of countries, forces and bases.") { kind, json, text };
        command.SetAction(result =>
        {
            var selected = result.GetValue(kind) is { } k ? Enum.Parse<EntityKind>(k, ignoreCase: true) : (EntityKind?)null;
            var found = EntityCatalog.Default.Search(selected, result.GetValue(text)).ToArray();
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
                        e.AllNames.Distinct().ToList().ForEach(w.WriteStringValue);
                        w.WriteEndArray();
                        if (e.Country is not null)
                        {
                            w.WriteString("country", e.Country);
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

            foreach (var e in found)
            {
                var relation = e.Kind switch
                {
                    EntityKind.Force when e.Country is not null => $" affiliated with {e.Country}",
                    EntityKind.Base => $" in {e.Country}{(e.Operators.Count > 0 ? $", used by {string.Join('/', e.Operators)}" : string.Empty)}",
                    _ => string.Empty,
                };
                var at = e.Location is { } p ? string.Create(CultureInfo.InvariantCulture, $" @ {p.Latitude:F4},{p.Longitude:F4}") : string.Empty;
                Console.WriteLine($"{e.Kind.ToString().ToLowerInvariant(),-8}{Terminal.Bold(e.Id),-24} {e.Name}{relation}{at}");
                var names = e.AllNames.Distinct().Take(12).ToArray();
                if (names.Length > 0)
                {
                    Console.WriteLine($"        {Terminal.Dim(string.Join(" | ", names))}");
                }
            }

            Console.Error.WriteLine($"{found.Length} entities");
            return 0;
        });
        return command;
    }
}
