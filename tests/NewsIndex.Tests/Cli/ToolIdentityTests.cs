using System.Reflection;

using NewsIndex.Tests.Packaging;

namespace NewsIndex.Tests.Cli;

/// <summary>The console is the <c>newsindex</c> dotnet tool: its usage text and version match what users install.</summary>
public class ToolIdentityTests
{
    [Test]
    public void Help_NamesTheCommandNewsindex()
    {
        var home = TestPaths.NewTempDirectory();
        var (code, stdout, _) = CliRunner.Run(home, "--help");
        Assert.That(code, Is.Zero);
        Assert.That(stdout, Does.Contain("Usage:\n  newsindex [command] [options]").Or.Contain("Usage:\r\n  newsindex [command] [options]"));
        Assert.That(stdout, Does.Not.Contain("NewsIndex.Cli"));

        (_, stdout, _) = CliRunner.Run(home, "search", "--help");
        Assert.That(stdout, Does.Contain("newsindex search"));
    }

    [Test]
    public void Version_IsTheLibrarysVersion()
    {
        var library = typeof(ArticleIndex).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        var (code, stdout, _) = CliRunner.Run(TestPaths.NewTempDirectory(), "--version");
        Assert.That(code, Is.Zero);
        Assert.That(stdout.Trim(), Is.EqualTo(library));
        Assert.That(library, Does.StartWith(ProjectVersion.Prefix + "-").Or.StartWith(ProjectVersion.Prefix + "+").Or.EqualTo(ProjectVersion.Prefix));
    }
}
