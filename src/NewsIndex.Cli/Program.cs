using System.CommandLine;
using System.CommandLine.Invocation;
using NewsIndex;
using NewsIndex.Cli;
using NewsIndex.Indexing;

// Named "newsindex" whatever the host (the dotnet tool shim, the apphost or dotnet run): a RootCommand takes its name
// from the process's file name (NewsIndex.Cli).
var root = new Command("newsindex", $"newsindex: entity-aware search over news articles (countries, armed forces, military bases).\n{ExitCodes.Help}")
{
    new System.CommandLine.Help.HelpOption(),
    new VersionOption(),
    SearchCommand.Create(),
    IndexCommand.Create(),
    ShowCommand.Create(),
    ExportCommand.Create(),
    DeleteCommand.Create(),
    EntitiesCommand.Create(),
    RelatedCommand.Create(),
    StatsCommand.Create(),
    VerifyCommand.Create(),
    StoriesCommand.CreateList(),
    StoriesCommand.CreateShow(),
    TimelineCommand.Create(),
};

try
{
    var parsed = root.Parse(args);
    var code = parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null });
    return parsed.Action is ParseErrorAction ? ExitCodes.Usage : code;
}
catch (IndexInUseException ex)
{
    return ExitCodes.Fail(ExitCodes.IndexInUse, ex.Message);
}
catch (IndexCorruptException ex)
{
    return ExitCodes.Fail(ExitCodes.Damaged, ex.Message);
}
catch (IndexVersionException ex) when (ex.Message.Contains("entity catalog", StringComparison.Ordinal))
{
    return ExitCodes.Fail(ExitCodes.Error, $"{ex.Message} (from the console: give the catalog file the index was built with, --catalog FILE or ${CommonOptions.CatalogVariable})");
}
catch (NewsIndexException ex)
{
    return ExitCodes.Fail(ExitCodes.Error, ex.Message);
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("newsindex: cancelled");
    return ExitCodes.Interrupted;
}
catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
{
    return ExitCodes.Fail(ExitCodes.Error, ex.Message);
}
