using System.Reflection;
using System.Runtime.Loader;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace NewsIndex.Tests;

/// <summary>The README's "use it from your app" example is compiled and run exactly as written.</summary>
[NonParallelizable]
public partial class ReadmeTests
{
    [Test]
    public void ReadmeExample_CompilesAndRuns_AndPrintsWhatTheReadmeSays()
    {
        var readme = File.ReadAllText(TestPaths.Readme);
        var match = Example().Match(readme);
        Assert.That(match.Success, Is.True, "README must hold the example between readme-example markers");
        var code = match.Groups["code"].Value;

        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Concat(Directory.GetFiles(AppContext.BaseDirectory, "Lucene.Net*.dll"))
            .Append(Path.Combine(AppContext.BaseDirectory, "NewsIndex.dll"))
            .Distinct(StringComparer.Ordinal)
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create("ReadmeExample",
            [CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Latest)), CSharpSyntaxTree.ParseText(ImplicitUsings)],
            references,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var emit = compilation.Emit(image);
        Assert.That(emit.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()), Is.Empty);

        var context = new AssemblyLoadContext("readme", isCollectible: true);
        var output = new StringWriter();
        var original = Console.Out;
        try
        {
            image.Position = 0;
            var assembly = context.LoadFromStream(image);
            Console.SetOut(output);
            var entry = assembly.EntryPoint!;
            entry.Invoke(null, entry.GetParameters().Length == 0 ? null : [Array.Empty<string>()]);
        }
        catch (TargetInvocationException ex)
        {
            Assert.Fail($"the README example threw: {ex.InnerException}");
        }
        finally
        {
            Console.SetOut(original);
            context.Unload();
        }

        var lines = output.ToString().Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        TestContext.Out.WriteLine(output.ToString());
        Assert.That(lines[0], Is.EqualTo("1 hit(s) for affiliated:Russia about:country:Mali"));
        Assert.That(lines[1], Is.EqualTo("wire-1: Russian instructors arrive in Bamako | bases: ml-air-base-101"));
        Assert.That(lines[2], Does.Contain("[Air Base 101]"));
        Assert.That(lines.Skip(3), Is.EqualTo(new[] { "ne-air-base-101: 5", "ne-air-base-201: 4", "ml-air-base-101: 1" }));
    }

    /// <summary>What a new console project gets from the SDK (ImplicitUsings), so the README code compiles as it would there.</summary>
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    [GeneratedRegex(@"<!-- readme-example:start -->\s*```csharp\n(?<code>.*?)```\s*<!-- readme-example:end -->", RegexOptions.Singleline)]
    private static partial Regex Example();
}
