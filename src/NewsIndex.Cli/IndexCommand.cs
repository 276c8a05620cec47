using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using NewsIndex.Indexing;
using NewsIndex.Ingestion;

namespace NewsIndex.Cli;

/// <summary>
/// <c>newsindex index</c>: reads articles from files and folders and adds them to an index, committing every
/// <c>--commit-every</c> articles or <c>--commit-interval</c> seconds with a checkpoint, so that a stopped run keeps
/// what it acknowledged and <c>--resume</c> continues after it. Ctrl-C or SIGTERM stops reading, commits what was
/// added and says what was kept.
/// </summary>
internal static class IndexCommand
{
    public static Command Create()
    {
        var index = new Option<string?>("--index", "-i")
        {
            Description = "Index directory. Default: $NEWSINDEX_INDEX, else the user index in the data directory (never the bundled seeds index).",
        };
        var commitEvery = new Option<int>("--commit-every") { Description = "Commit (durably, with a checkpoint) after every N articles; 0: only at the end.", DefaultValueFactory = _ => 10_000 };
        var commitInterval = new Option<int>("--commit-interval") { Description = "Commit at least every N seconds while indexing; 0: off.", DefaultValueFactory = _ => 60 };
        var resume = new Option<bool>("--resume") { Description = "Continue after the last checkpoint of a stopped run over the same input." };
        var repair = new Option<bool>("--repair") { Description = "If the index is damaged, drop the segments that cannot be read (keeping every readable one), say what was dropped, then index." };
        var threads = new Option<int>("--threads") { Description = "Writer threads (beside the reading and story threads). Default: the number of processors less one, at least one.", DefaultValueFactory = _ => ArticleIndexOptions.Default.IndexingThreads };
        var catalog = CommonOptions.Catalog();
        var paths = new Argument<string[]>("PATH") { Description = $"Files or folders to read. {Formats}", Arity = ArgumentArity.OneOrMore };
        var command = new Command("index", $"Add articles to an index (same id: replaced). {Formats} Exit code {ExitCodes.PartialIngestion} when some records or files were skipped (each is named on stderr), {ExitCodes.Interrupted} when stopped.")
        {
            index, commitEvery, commitInterval, resume, repair, threads, catalog, paths,
        };
        commitEvery.Validators.Add(result => NotNegative(result, "--commit-every"));
        commitInterval.Validators.Add(result => NotNegative(result, "--commit-interval"));
        threads.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--threads must be 1 or more");
            }
        });
        command.SetAction(result => Run(
            result.GetValue(index) ?? DefaultIndex.UserIndex,
            result.GetValue(paths)!,
            new IndexingOptions
            {
                CommitEvery = result.GetValue(commitEvery),
                CommitInterval = TimeSpan.FromSeconds(result.GetValue(commitInterval)),
                Resume = result.GetValue(resume),
            },
            result.GetValue(repair),
            result.GetValue(threads),
            result.GetValue(catalog)));
        return command;
    }

    private static int Run(string path, string[] inputs, IndexingOptions options, bool repair, int threads, string? catalogFile)
    {
        var catalog = CommonOptions.LoadCatalog(catalogFile);
        var errors = 0;
        void Report(IngestionError error)
        {
            Interlocked.Increment(ref errors);
            var line = $"newsindex: skipped {Terminal.Safe(error.ToString())}";
            if (Terminal.ProgressOnStderr)
            {
                Terminal.Err.Write(new Spectre.Console.Text(line + "\n")); // through Spectre, so the line goes above the live progress bar
            }
            else
            {
                Console.Error.WriteLine(line);
            }
        }

        if (repair && Directory.Exists(path))
        {
            var report = ArticleIndex.Repair(path);
            Console.Error.WriteLine(report.Repaired
                ? string.Create(CultureInfo.InvariantCulture, $"newsindex: repaired {path}: dropped {report.DroppedSegments.Count} damaged segment(s) ({string.Join(", ", report.DroppedSegments)}) holding {report.ArticlesDropped:N0} articles; kept {report.ArticlesKept:N0}. Index the dropped articles again.")
                : $"newsindex: {path} is not damaged; nothing to repair");
        }

        using var stop = new CancellationTokenSource();
        using var signals = StopSignals.Register(stop);
        using var articles = ArticleIndex.Open(path, new ArticleIndexOptions { IndexingThreads = threads, Catalog = catalog });
        options = options with { Source = InputIdentity.Of(inputs) };
        if (options.Resume)
        {
            var last = articles.LastCheckpoint;
            Console.Error.WriteLine(last is null
                ? "newsindex: no checkpoint to resume from; indexing from the start"
                : last.Source != options.Source
                    ? string.Empty
                    : string.Create(CultureInfo.InvariantCulture, $"newsindex: resuming after input article {last.Position:N0}{(last.Completed ? " (the last run completed; nothing is left)" : string.Empty)}"));
        }

        var read = new IngestionStats();
        var input = inputs.SelectMany(p => ArticleReader.Read(p, Report, stats: read));
        long acknowledged = -1;
        void LogCommits(IndexingProgress p)
        {
            var position = p.Skipped + p.Committed;
            if (p.Committed > 0 && position != acknowledged)
            {
                // One line per commit when stderr is a log: the articles up to this input position are durable.
                acknowledged = position;
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"newsindex: committed checkpoint={position}"));
            }
        }

        IndexingProgress totals;
        try
        {
            totals = Terminal.ProgressOnStderr
                ? IndexingBar.Run(read, InputSize(inputs), report => articles.IndexAll(input, options, new SynchronousProgress(report), stop.Token))
                : articles.IndexAll(input, options, new SynchronousProgress(LogCommits), stop.Token);
        }
        catch (IndexingCancelledException cancelled)
        {
            var kept = cancelled.Progress;
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"newsindex: stopped by {signals.Received ?? "cancellation"}; kept {kept.Committed:N0} of the {kept.Articles:N0} articles added (committed, through input article {kept.Skipped + kept.Committed:N0}); run the same command with --resume to continue"));
            return ExitCodes.Interrupted;
        }

        articles.Commit();
        var stats = articles.Stats();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"indexed {totals.Articles:N0} articles ({totals.Characters / 1e6:F1} M chars, {totals.Mentions:N0} entity mentions) in {totals.Elapsed.TotalSeconds:F1} s, {totals.ArticlesPerSecond:N0} articles/s; {read.Undated:N0} undated (no publication date found); {errors} errors{(totals.Skipped > 0 ? $"; {totals.Skipped:N0} skipped (already committed)" : string.Empty)}; {stats.Location} now holds {stats.Articles:N0} articles"));
        return errors == 0 ? ExitCodes.Ok
            : totals.Articles == 0 && totals.Skipped == 0 ? ExitCodes.Error
            : ExitCodes.PartialIngestion;
    }

    /// <summary>Every input format the readers accept (<see cref="ArticleReaderOptions.FolderPatterns"/> in a folder).</summary>
    private const string Formats =
        "Formats: .txt (one article: headline, byline, date line, body), .jsonl and .jsonl.gz (one JSON article per line: id, title, body, " +
        "date/published, source, url, authors, dateline), .html/.htm (a saved article page: text, title, byline and date from meta " +
        "tags or JSON-LD, source from the site name), .rss/.atom/.xml (RSS or Atom feeds: one article per item). A folder is read " +
        "recursively, every file of these kinds in path order.";

    private static void NotNegative(System.CommandLine.Parsing.OptionResult result, string name)
    {
        if (result.GetValueOrDefault<int>() < 0)
        {
            result.AddError($"{name} must be 0 or more");
        }
    }

    /// <summary>Total bytes of the files the inputs stand for (a folder: the files the readers pick, recursively); 0 when
    /// unknown (a path that is neither), so the bar shows activity without a percentage.</summary>
    private static long InputSize(string[] inputs)
    {
        var files = new HashSet<string>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            if (File.Exists(input))
            {
                files.Add(Path.GetFullPath(input));
            }
            else if (Directory.Exists(input))
            {
                var walk = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };
                foreach (var pattern in ArticleReaderOptions.Default.FolderPatterns)
                {
                    files.UnionWith(Directory.EnumerateFiles(input, pattern, walk).Select(Path.GetFullPath));
                }
            }
            else
            {
                return 0;
            }
        }

        return files.Sum(f => new FileInfo(f).Length);
    }

    /// <summary>Reports on the calling thread, in order (the console's own lines must not race the summary).</summary>
    private sealed class SynchronousProgress(Action<IndexingProgress> report) : IProgress<IndexingProgress>
    {
        public void Report(IndexingProgress value) => report(value);
    }

    /// <summary>Turns Ctrl-C (SIGINT) and SIGTERM into a cancellation; a second Ctrl-C ends the process at once.</summary>
    private sealed class StopSignals : IDisposable
    {
        private readonly CancellationTokenSource _stop;
        private readonly List<PosixSignalRegistration> _registrations = [];

        private StopSignals(CancellationTokenSource stop) => _stop = stop;

        public string? Received { get; private set; }

        public static StopSignals Register(CancellationTokenSource stop)
        {
            var signals = new StopSignals(stop);
            Console.CancelKeyPress += signals.OnCancelKeyPress;
            if (!OperatingSystem.IsWindows())
            {
                signals._registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGTERM, signals.OnSignal));
            }

            return signals;
        }

        public void Dispose()
        {
            Console.CancelKeyPress -= OnCancelKeyPress;
            _registrations.ForEach(r => r.Dispose());
        }

        private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
        {
            e.Cancel = !_stop.IsCancellationRequested; // the second Ctrl-C is not intercepted
            Stop("Ctrl-C");
        }

        private void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true;
            Stop(context.Signal.ToString());
        }

        private void Stop(string signal)
        {
            Received ??= signal;
            _stop.Cancel();
        }
    }
}
