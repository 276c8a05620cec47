using System.Text.Json;
using NewsIndex.Tests.Cli;

namespace NewsIndex.Tests.Entities;

/// <summary><c>newsindex entities --json</c>: the catalog in a form other tools can read (runs the real exe).</summary>
public class EntitiesJsonTests
{
    [Test]
    public void EntitiesJson_PrintsKindCategoryParentLineageAndSource()
    {
        var home = TestPaths.NewTempDirectory();
        try
        {
            var (code, stdout, _) = CliRunner.Run(home, "entities", "--kind", "force", "--json", "Africa Corps");
            Assert.That(code, Is.Zero);
            using var json = JsonDocument.Parse(stdout);
            var corps = json.RootElement.EnumerateArray().Single(e => e.GetProperty("id").GetString() == "africa-corps");
            Assert.That(corps.GetProperty("kind").GetString(), Is.EqualTo("force"));
            Assert.That(corps.GetProperty("category").GetString(), Is.EqualTo("private-military-company"));
            Assert.That(corps.GetProperty("country").GetString(), Is.EqualTo("RU"));
            var predecessor = corps.GetProperty("predecessors")[0];
            Assert.That((predecessor.GetProperty("id").GetString(), predecessor.GetProperty("relation").GetString(), predecessor.GetProperty("year").GetInt32()),
                Is.EqualTo(("wagner-group", "renamed", 2023)));
            Assert.That(corps.GetProperty("source").GetString(), Is.EqualTo("curated"));

            (code, stdout, _) = CliRunner.Run(home, "entities", "--kind", "force", "--json", "Katiba Macina");
            var macina = JsonDocument.Parse(stdout).RootElement.EnumerateArray().Single(e => e.GetProperty("id").GetString() == "katiba-macina");
            Assert.That(macina.GetProperty("parent").GetString(), Is.EqualTo("jnim"));

            (code, stdout, _) = CliRunner.Run(home, "entities", "--kind", "force", "--json", "Kachin Independence");
            var kio = JsonDocument.Parse(stdout).RootElement.EnumerateArray().First();
            Assert.That((kio.GetProperty("source").GetString(), kio.GetProperty("sourceId").GetString(), kio.GetProperty("country").GetString()),
                Is.EqualTo(("ucdp-actor-22.1", "201", "MM")));
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }
}
