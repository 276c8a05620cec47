using System.IO.Compression;
using NewsIndex.Ingestion;

namespace NewsIndex.Tests.Ingestion;

/// <summary><see cref="IngestionStats.BytesRead"/>: what a progress bar measures against the files' sizes.</summary>
public class IngestionStatsTests
{
    [Test]
    public async Task BytesRead_AfterAFolder_IsTheSumOfItsFilesSizes_SyncAndAsync()
    {
        var folder = TestPaths.NewTempDirectory();
        try
        {
            File.WriteAllText(Path.Combine(folder, "a.txt"), "Wagner in Mali\n\nBAMAKO — Wagner fighters reached Air Base 101 near Bamako, Mali.");
            File.WriteAllText(Path.Combine(folder, "b.jsonl"), "{\"id\":\"b1\",\"title\":\"Drones\",\"body\":\"US drones left Air Base 201 in Agadez, Niger.\"}\nnot json\n");
            using (var gz = new GZipStream(File.Create(Path.Combine(folder, "c.jsonl.gz")), CompressionLevel.Optimal))
            {
                gz.Write("{\"id\":\"c1\",\"title\":\"Convoy\",\"body\":\"A convoy reached Agadez, Niger.\"}\n"u8);
            }

            File.WriteAllText(Path.Combine(folder, "ignored.csv"), "not an input format");
            var expected = new[] { "a.txt", "b.jsonl", "c.jsonl.gz" }.Sum(f => new FileInfo(Path.Combine(folder, f)).Length);

            var stats = new IngestionStats();
            Assert.That(ArticleReader.Read(folder, _ => { }, stats: stats).Count(), Is.EqualTo(3));
            Assert.That(stats.BytesRead, Is.EqualTo(expected));

            var asyncStats = new IngestionStats();
            var count = 0;
            await foreach (var _ in ArticleReader.ReadAsync(folder, _ => { }, stats: asyncStats))
            {
                count++;
            }

            Assert.That((count, asyncStats.BytesRead), Is.EqualTo((3, expected)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
