using System.CommandLine;

namespace NewsIndex.Cli;

/// <summary><c>newsindex export</c>: every article as JSON Lines.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var index = CommonOptions.Index();
        var command = new Command("export", "Write every article as JSON Lines on stdout (fields of a hit, plus body and mentions).") { index };
        command.SetAction(result =>
        {
            using var articles = CommonOptions.OpenForReading(result.GetValue(index));
            foreach (var stored in articles.All())
            {
                JsonOutput.Write(w => JsonOutput.Article(w, stored, withText: true), indented: false);
            }

            return 0;
        });
        return command;
    }
}
