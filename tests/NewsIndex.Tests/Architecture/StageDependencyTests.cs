using System.Text.RegularExpressions;

namespace NewsIndex.Tests.Architecture;

/// <summary>
/// Holds the library to its pipeline: data flows one way through the stage folders, and no file of a stage uses a
/// type declared in a later stage. The check reads the sources: every type a stage declares is mapped to its stage,
/// and every identifier in a file (comments and strings removed) that names a later stage's type is an arrow running
/// back up the pipeline. A using of a later stage's namespace is one too.
/// </summary>
public partial class StageDependencyTests
{
    /// <summary>The pipeline, first to last. The root folder (the facade) comes last; <see cref="Kernel"/> files in it
    /// (shared base types) come first.</summary>
    internal static readonly string[] Order =
        ["Kernel", "Ingestion", "Entities", "Analysis", "Mapping", "Indexing", "Stories", "Querying", "Results", "Searching", "Facade"];

    private static readonly string[] Kernel = ["NewsIndexException.cs", "ValueList.cs"];

    private static string Library => Path.Combine(TestPaths.RepositoryRoot, "src", "NewsIndex");

    [Test]
    public void EveryFolderOfTheLibrary_IsAKnownStage()
    {
        var folders = Directory.GetDirectories(Library).Select(Path.GetFileName)
            .Where(name => name is not ("bin" or "obj")).ToArray();
        Assert.That(folders.Except(Order), Is.Empty, "a new stage folder must be placed in the pipeline order (and in docs/ARCHITECTURE.md)");
    }

    [Test]
    public void NoStage_UsesALaterStage()
    {
        var files = Directory.GetFiles(Library, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) &&
                        !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToArray();
        var code = files.ToDictionary(f => f, f => StripCommentsAndStrings(File.ReadAllText(f)));
        var declaredIn = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (file, text) in code)
        {
            foreach (Match declaration in Declaration().Matches(text))
            {
                var name = declaration.Groups["name"].Value;
                var stage = StageOf(file);
                declaredIn[name] = declaredIn.TryGetValue(name, out var other) ? Math.Min(other, stage) : stage;
            }
        }

        var violations = new List<string>();
        foreach (var (file, text) in code)
        {
            var stage = StageOf(file);
            foreach (Match use in UsingNamespace().Matches(text))
            {
                var target = Array.IndexOf(Order, use.Groups["stage"].Value);
                if (target > stage)
                {
                    violations.Add($"{Relative(file)} ({Order[stage]}) imports NewsIndex.{Order[target]}");
                }
            }

            foreach (var name in Identifier().Matches(text).Select(m => m.Value).Distinct(StringComparer.Ordinal))
            {
                if (declaredIn.TryGetValue(name, out var target) && target > stage)
                {
                    violations.Add($"{Relative(file)} ({Order[stage]}) uses {name} from {Order[target]}");
                }
            }
        }

        Assert.That(violations, Is.Empty, "arrows must run one way: " + string.Join("; ", violations));
    }

    [Test]
    public void TheCheck_SeesAnArrowBackUpThePipeline()
    {
        // The detector itself, on a made-up file: Ingestion code naming a Searching type must be caught.
        var text = StripCommentsAndStrings("namespace NewsIndex.Ingestion; // ArticleSearcher in a comment is fine\nclass X { ArticleSearcher? s; string t = \"PageCursor\"; }");
        var names = Identifier().Matches(text).Select(m => m.Value).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(names, Does.Contain("ArticleSearcher"));
            Assert.That(names.Count(n => n == "ArticleSearcher"), Is.EqualTo(1), "the comment is stripped");
            Assert.That(names, Does.Not.Contain("PageCursor"), "strings are stripped");
        });
    }

    internal static int StageOf(string file)
    {
        var relative = Path.GetRelativePath(Library, file);
        var parts = relative.Split(Path.DirectorySeparatorChar);
        if (parts.Length == 1)
        {
            return Kernel.Contains(parts[0]) ? 0 : Order.Length - 1;
        }

        var index = Array.IndexOf(Order, parts[0]);
        return index >= 0 ? index : throw new InvalidOperationException($"{relative} is in no known stage folder");
    }

    private static string Relative(string file) => Path.GetRelativePath(Library, file);

    internal static string StripCommentsAndStrings(string text)
    {
        text = BlockComment().Replace(text, " ");
        text = LineComment().Replace(text, " ");
        text = VerbatimString().Replace(text, "\"\"");
        return StringLiteral().Replace(text, "\"\"");
    }

    // Top-level types only (file-scoped namespaces put them at column 0): nested types are named through their parent.
    [GeneratedRegex(@"^(?:(?:public|internal|static|sealed|abstract|partial|readonly|file)\s+)*(?:class|record|struct|interface|enum)\s+(?:struct\s+|class\s+)?(?<name>[A-Z]\w*)", RegexOptions.Multiline)]
    private static partial Regex Declaration();

    [GeneratedRegex(@"^\s*using\s+(?:static\s+)?NewsIndex\.(?<stage>\w+)", RegexOptions.Multiline)]
    private static partial Regex UsingNamespace();

    [GeneratedRegex(@"\b[A-Z]\w*\b")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex BlockComment();

    [GeneratedRegex(@"//[^\n]*")]
    private static partial Regex LineComment();

    [GeneratedRegex(@"@""(?:[^""]|"""")*""")]
    private static partial Regex VerbatimString();

    [GeneratedRegex(@"""(?:[^""\\\n]|\\.)*""")]
    private static partial Regex StringLiteral();
}
