using System.CommandLine;
using NewsIndex;
using NewsIndex.Cli;

// Named "newsindex" whatever the host (the dotnet tool shim, the apphost or dotnet run): a RootCommand takes its name
// from the process's file name (NewsIndex.Cli).
var root = new Command("newsindex", "newsindex: entity-aware search over news articles (countries, armed forces, military bases).")
{
    new System.CommandLine.Help.HelpOption(),
    new VersionOption(),
    SearchCommand.Create(),
    IndexCommand.Create(),
    ShowCommand.Create(),
    ExportCommand.Create(),
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
    return root.Parse(args).Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null });
}
catch (NewsIndexException ex)
{
    Console.Error.WriteLine($"newsindex: error: {Terminal.Safe(ex.Message)}");
    return 1;
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("newsindex: cancelled");
    return 130;
}
catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
{
    Console.Error.WriteLine($"newsindex: error: {Terminal.Safe(ex.Message)}");
    return 1;
}
