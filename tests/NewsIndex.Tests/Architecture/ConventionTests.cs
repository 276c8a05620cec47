using System.Reflection;
using System.Runtime.CompilerServices;
using System.Xml.Linq;

namespace NewsIndex.Tests.Architecture;

/// <summary>Conventions of the public API, in the style of NodaTime's: every public type is sealed, static or abstract;
/// every public record compares by value; every public member is documented; no Lucene type leaks into a public
/// signature.</summary>
public class ConventionTests
{
    private static readonly Assembly Library = typeof(ArticleIndex).Assembly;

    private static Type[] PublicTypes => Library.GetExportedTypes();

    [Test]
    public void EveryPublicClass_IsSealedStaticOrAbstract()
    {
        // One exception: the root of the library's exception hierarchy, which callers catch and the library derives from.
        var open = PublicTypes.Where(t => t.IsClass && !t.IsSealed && !t.IsAbstract && !typeof(Delegate).IsAssignableFrom(t))
            .Where(t => !(typeof(Exception).IsAssignableFrom(t) && PublicTypes.Any(other => other.BaseType == t)))
            .Select(t => t.FullName);
        Assert.That(open, Is.Empty);
    }

    [Test]
    public void EveryPublicRecord_ComparesByValue()
    {
        var problems = new List<string>();
        foreach (var record in PublicTypes.Where(IsRecord))
        {
            var customEquals = record.GetMethod("Equals", [record]) is { } equals && equals.GetCustomAttribute<CompilerGeneratedAttribute>() is null;
            if (customEquals)
            {
                continue; // the record compares its members itself (checked by its own tests)
            }

            foreach (var property in record.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => HasBackingField(record, p)))
            {
                var type = property.PropertyType;
                if (type != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(type) &&
                    !(type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ValueList<>)))
                {
                    problems.Add($"{record.Name}.{property.Name} is {type.Name}: a record's list member must be ValueList<T> (or the record must define Equals)");
                }
            }
        }

        Assert.That(problems, Is.Empty);
    }

    [Test]
    public void RecordsWithLists_AreEqualWhenTheirItemsAre()
    {
        // The property above, exercised: equal content in distinct list instances.
        var a = new NewsIndex.Entities.Entity(NewsIndex.Entities.EntityKind.Force, "x", "X") { Aliases = new[] { "a", "b" } };
        var b = new NewsIndex.Entities.Entity(NewsIndex.Entities.EntityKind.Force, "x", "X") { Aliases = new List<string> { "a", "b" } };
        var c = a with { Aliases = ["a", "c"] };
        Assert.Multiple(() =>
        {
            Assert.That(a, Is.EqualTo(b));
            Assert.That(a.GetHashCode(), Is.EqualTo(b.GetHashCode()));
            Assert.That(a, Is.Not.EqualTo(c));
            Assert.That(new NewsIndex.Entities.EntitySet(["NE"], [], []), Is.EqualTo(new NewsIndex.Entities.EntitySet(new[] { "NE" }, [], [])));
        });
    }

    [Test]
    public void EveryPublicMember_IsDocumented()
    {
        var xml = Path.ChangeExtension(Library.Location, ".xml");
        Assert.That(File.Exists(xml), Is.True, "the library builds its XML documentation");
        var documented = XDocument.Load(xml).Descendants("member").Select(m => (string)m.Attribute("name")!).ToArray();
        var names = new HashSet<string>(documented.Select(StripParameters), StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var type in PublicTypes)
        {
            var typeName = type.FullName!.Replace('+', '.');
            if (!names.Contains($"T:{typeName}"))
            {
                missing.Add($"T:{typeName}");
            }

            foreach (var member in type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                if (IsSynthesized(type, member))
                {
                    continue;
                }

                var prefix = member switch
                {
                    MethodInfo => "M",
                    ConstructorInfo => "M",
                    PropertyInfo => "P",
                    FieldInfo => "F",
                    EventInfo => "E",
                    _ => null,
                };
                if (prefix is null)
                {
                    continue;
                }

                var name = member is ConstructorInfo ? "#ctor" : member.Name;
                var id = $"{prefix}:{typeName}.{name}";
                if (!names.Contains(id) && !(type.IsEnum && member is FieldInfo { IsLiteral: false }))
                {
                    missing.Add(id);
                }
            }
        }

        Assert.That(missing.Distinct(), Is.Empty);
    }

    [Test]
    public void NoLuceneType_AppearsInAPublicSignature()
    {
        var leaks = new List<string>();
        foreach (var type in PublicTypes)
        {
            Check(type.BaseType, $"{type.Name} base");
            foreach (var implemented in type.GetInterfaces())
            {
                Check(implemented, $"{type.Name} interface");
            }

            foreach (var member in type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                switch (member)
                {
                    case MethodBase method:
                        if (method is MethodInfo info)
                        {
                            Check(info.ReturnType, $"{type.Name}.{member.Name}");
                        }

                        foreach (var parameter in method.GetParameters())
                        {
                            Check(parameter.ParameterType, $"{type.Name}.{member.Name}({parameter.Name})");
                        }

                        break;
                    case PropertyInfo property:
                        Check(property.PropertyType, $"{type.Name}.{property.Name}");
                        break;
                    case FieldInfo field:
                        Check(field.FieldType, $"{type.Name}.{field.Name}");
                        break;
                    case EventInfo @event:
                        Check(@event.EventHandlerType, $"{type.Name}.{@event.Name}");
                        break;
                }
            }
        }

        Assert.That(leaks, Is.Empty);

        void Check(Type? type, string where)
        {
            if (type is null)
            {
                return;
            }

            if (type.HasElementType)
            {
                Check(type.GetElementType(), where);
                return;
            }

            if (type.Namespace is { } ns && (ns.StartsWith("Lucene", StringComparison.Ordinal) || ns.StartsWith("J2N", StringComparison.Ordinal)))
            {
                leaks.Add($"{where}: {type.FullName}");
            }

            if (type.IsGenericType)
            {
                foreach (var argument in type.GetGenericArguments())
                {
                    Check(argument, where);
                }
            }
        }
    }

    private static bool IsRecord(Type type) => type.GetMethod("<Clone>$") is not null;

    private static bool HasBackingField(Type type, PropertyInfo property) =>
        type.GetField($"<{property.Name}>k__BackingField", BindingFlags.Instance | BindingFlags.NonPublic) is not null;

    private static bool IsSynthesized(Type type, MemberInfo member)
    {
        if (member.GetCustomAttribute<CompilerGeneratedAttribute>() is not null)
        {
            return true;
        }

        if (member is MethodInfo { IsSpecialName: true } special && !special.Name.StartsWith("op_", StringComparison.Ordinal))
        {
            return true; // property and event accessors
        }

        if (IsRecord(type) && member.Name is "Equals" or "GetHashCode" or "ToString" or "Deconstruct" or "PrintMembers" or "op_Equality" or "op_Inequality" or "<Clone>$")
        {
            return true;
        }

        if (member is ConstructorInfo ctor && IsRecord(type) && ctor.GetParameters() is [{ } only] && only.ParameterType == type)
        {
            return true; // the record's copy constructor
        }

        if (member is ConstructorInfo { IsStatic: true } or ConstructorInfo { IsStatic: false } and MethodBase { IsConstructor: true } && ((ConstructorInfo)member).GetParameters().Length == 0)
        {
            return true; // static and parameterless constructors (the compiler's implicit ones cannot carry documentation)
        }

        return type.IsEnum && member.Name == "value__";
    }

    private static string StripParameters(string id)
    {
        var paren = id.IndexOf('(', StringComparison.Ordinal);
        var name = paren < 0 ? id : id[..paren];
        var tick = name.IndexOf("``", StringComparison.Ordinal);
        return tick < 0 ? name : name[..tick];
    }
}
