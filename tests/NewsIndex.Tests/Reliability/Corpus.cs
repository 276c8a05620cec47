using System.Text;
using System.Text.Json;

namespace NewsIndex.Tests.Reliability;

/// <summary>Synthetic JSON Lines inputs for the process-level tests (ids <c>n0</c>, <c>n1</c>… in reading order).</summary>
internal static class Corpus
{
    private static readonly string[] Places = ["Niamey, Niger", "Bamako, Mali", "Ouagadougou, Burkina Faso", "N'Djamena, Chad", "Agadez, Niger", "Gao, Mali"];

    public static string WriteJsonLines(string path, int count, Func<int, string>? title = null)
    {
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            var place = Places[i % Places.Length];
            var body = $"{place.ToUpperInvariant()} — Report {i}. Soldiers and Wagner fighters were seen near Air Base 101 as US troops prepared to leave. " +
                       $"Officials in {place} said the junta would review its security agreements. Day {i % 365} of the transition.";
            text.Append(JsonSerializer.Serialize(new { id = $"n{i}", title = title?.Invoke(i) ?? $"Report {i} from {place}", body, source = "Test Wire" })).Append('\n');
        }

        File.WriteAllText(path, text.ToString());
        return path;
    }
}
