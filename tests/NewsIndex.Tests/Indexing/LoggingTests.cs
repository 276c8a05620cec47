using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using NewsIndex.Indexing;
using NewsIndex.Ingestion;
using static NewsIndex.Tests.ArticleBuilder;

namespace NewsIndex.Tests.Indexing;

public class LoggingTests
{
    [Test]
    public void Commit_LogsTheArticleCountAndDuration()
    {
        var log = new RecordingLogger();
        using var index = ArticleIndex.CreateInMemory(new ArticleIndexOptions { Logger = log });
        index.Upsert(Article("a", "Troops in Niger."));
        index.Upsert(Article("b", "Troops in Mali."));
        index.Commit();

        var entry = log.Single("Committed");
        Assert.That(entry.Level, Is.EqualTo(LogLevel.Information));
        Assert.That(entry.Values["Articles"], Is.EqualTo(2));
        Assert.That(entry.Values["ElapsedMs"], Is.TypeOf<double>().And.GreaterThanOrEqualTo(0));
        Assert.That(entry.Message, Does.StartWith("Committed (memory): 2 articles"));
    }

    [Test]
    public void IndexAll_LogsTheRunsTotals()
    {
        var log = new RecordingLogger();
        using var index = ArticleIndex.CreateInMemory(new ArticleIndexOptions { Logger = log });
        index.IndexAll([Article("a", "Wagner in Mali."), Article("b", "Troops in Chad.")]);
        var entry = log.Single("Indexed");
        Assert.That(entry.Values["Articles"], Is.EqualTo(2L));
        Assert.That((long)entry.Values["Mentions"]!, Is.GreaterThanOrEqualTo(3));
    }

    [Test]
    public void Search_SlowerThanTheThreshold_IsLoggedWithItsQuery_FasterIsNot()
    {
        var log = new RecordingLogger();
        using (var index = ArticleIndex.CreateInMemory(new ArticleIndexOptions { Logger = log, SlowQueryThreshold = TimeSpan.Zero }))
        {
            index.Upsert(Article("a", "Wagner in Mali."));
            index.Search("force:Wagner");
        }

        var entry = log.Single("SlowQuery");
        Assert.That(entry.Level, Is.EqualTo(LogLevel.Warning));
        Assert.That(entry.Values["Query"], Is.EqualTo("force:Wagner"));
        Assert.That(entry.Values["Total"], Is.EqualTo(1));

        var quiet = new RecordingLogger();
        using (var index = ArticleIndex.CreateInMemory(new ArticleIndexOptions { Logger = quiet, SlowQueryThreshold = Timeout.InfiniteTimeSpan }))
        {
            index.Upsert(Article("a", "Wagner in Mali."));
            index.Search("force:Wagner");
        }

        Assert.That(quiet.Entries.Where(e => e.EventName == "SlowQuery"), Is.Empty);
    }

    [Test]
    public void FailingMerge_IsLoggedAsAnErrorWithTheException()
    {
        var log = new RecordingLogger();
        var directory = new FailingDirectory();
        using var index = ArticleIndex.OpenDirectory(directory, "(failing)", new ArticleIndexOptions { RamBufferMB = 16, Logger = log });
        for (var i = 0; i < 12; i++)
        {
            index.Upsert(Article($"a{i}", $"Russian troops entered Airbase {i} in Niamey."));
            index.Commit();
        }

        directory.FailMerges = true;
        Assert.Throws<IndexMergeException>(() =>
        {
            // Until a background merge has run and failed (a loaded machine merges late), at most 30 s.
            var clock = System.Diagnostics.Stopwatch.StartNew();
            for (var i = 12; clock.Elapsed < TimeSpan.FromSeconds(30); i++)
            {
                index.Upsert(Article($"a{i}", $"Russian troops entered Airbase {i} in Niamey."));
                index.Commit();
                Thread.Sleep(5);
            }
        });
        directory.FailMerges = false;

        var merge = log.Entries.First(e => e.EventName == "MergeFailed");
        Assert.That(merge.Level, Is.EqualTo(LogLevel.Error));
        Assert.That(merge.Exception?.ToString(), Does.Contain("simulated disk full"));
        Assert.That(log.Entries.Any(e => e.EventName == "CommitFailed" && e.Exception is IndexMergeException), Is.True);
    }

    [Test]
    public async Task Reader_WithALogger_LogsAndSkipsBadRecords_InsteadOfThrowing()
    {
        var log = new RecordingLogger();
        var dir = TestPaths.NewTempDirectory();
        try
        {
            var file = Path.Combine(dir, "wire.jsonl");
            await File.WriteAllLinesAsync(file, [
                """{"id":"ok-1","title":"One","body":"Troops in Niger."}""",
                """{"id":"bad","title":""",
                """{"id":"ok-2","title":"Two","body":"Troops in Mali."}""",
            ]);
            var stats = new IngestionStats();
            var ids = new List<string>();
            await foreach (var article in ArticleReader.ReadAsync(dir, options: new ArticleReaderOptions { Logger = log }, stats: stats))
            {
                ids.Add(article.Id);
            }

            Assert.That(ids, Is.EqualTo(new[] { "ok-1", "ok-2" }));
            var skipped = log.Single("RecordSkipped");
            Assert.That(skipped.Level, Is.EqualTo(LogLevel.Warning));
            Assert.That(skipped.Values["Path"], Is.EqualTo(file));
            Assert.That(skipped.Values["Line"], Is.EqualTo(2));
            Assert.That(stats.Errors, Is.EqualTo(1L));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public void LogSkippedRecords_LogsThenPassesTheErrorOn()
    {
        var log = new RecordingLogger();
        var seen = new List<IngestionError>();
        var handler = log.LogSkippedRecords(seen.Add);
        var error = new IngestionError("feed.rss", 7, "item has no title or text") { Kind = IngestionErrorKind.NoContent };
        handler(error);

        Assert.That(seen, Is.EqualTo(new[] { error }));
        var entry = log.Single("RecordSkipped");
        Assert.That(entry.Message, Is.EqualTo("Skipped a record of feed.rss (line 7, NoContent): item has no title or text"));
    }

    [Test]
    public void NoLogger_NothingChanges_BadRecordsStillThrowWithoutACallback()
    {
        var dir = TestPaths.NewTempDirectory();
        try
        {
            File.WriteAllText(Path.Combine(dir, "wire.jsonl"), "{\"id\":\"bad\",\n");
            Assert.That(() => ArticleReader.Read(dir).ToList(), Throws.TypeOf<ArticleFormatException>());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}

/// <summary>An <see cref="ILogger"/> that keeps every entry with its structured values.</summary>
internal sealed class RecordingLogger : ILogger
{
    public ConcurrentQueue<LogEntry> Entries { get; } = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? pairs.ToDictionary(p => p.Key, p => p.Value) : [];
        Entries.Enqueue(new LogEntry(logLevel, eventId.Name ?? "", formatter(state, exception), values, exception));
    }

    public LogEntry Single(string eventName)
    {
        var matches = Entries.Where(e => e.EventName == eventName).ToArray();
        Assert.That(matches, Has.Length.EqualTo(1), $"one {eventName} entry; got: {string.Join(" | ", Entries.Select(e => e.EventName + ": " + e.Message))}");
        return matches[0];
    }
}

internal sealed record LogEntry(LogLevel Level, string EventName, string Message, Dictionary<string, object?> Values, Exception? Exception);
