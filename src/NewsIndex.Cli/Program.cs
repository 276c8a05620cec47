using System.CommandLine;
using NewsIndex;
using NewsIndex.Cli;

var root = new RootCommand("newsindex: entity-aware search over news articles (countries, armed forces, military bases).")
{
    SearchCommand.Create(),
    IndexCommand.Create(),
    ShowCommand.Create(),
    ExportCommand.Create(),
    EntitiesCommand.Create(),
    RelatedCommand.Create(),
    StatsCommand.Create(),
    StoriesCommand.CreateList(),
    StoriesCommand.CreateShow(),
    TimelineCommand.Create(),
};

try
{
    return root.Parse(args).Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (NewsIndexException ex)
{
    Console.Error.WriteLine($"newsindex: error: {ex.Message}");
    return 1;
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("newsindex: cancelled");
    return 130;
}
catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
{
    Console.Error.WriteLine($"newsindex: error: {ex.Message}");
    return 1;
}
