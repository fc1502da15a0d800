using System.Reflection;
using System.Text;

namespace Corpus.Tests.Shared;

/// <summary>
/// Lists an assembly's public surface, one line per type and member, in a fixed order. Each
/// component's tests compare it with a committed <c>PublicApi.txt</c>, so the surface changes only
/// on purpose; on a mismatch the actual listing is written beside the test assembly for review.
/// </summary>
internal static class PublicApiListing
{
    public static string Of(Assembly assembly)
    {
        var text = new StringBuilder();
        foreach (var type in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            text.Append(Kind(type)).Append(' ').Append(type.FullName).Append('\n');
            var members = type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(m => m is not MethodInfo { IsSpecialName: true })
                .Where(m => !IsCompilerGenerated(m))
                .Select(m => $"  {(IsStatic(m) ? "static " : string.Empty)}{m.MemberType} {m}")
                .Order(StringComparer.Ordinal);
            foreach (var m in members)
            {
                text.Append(m).Append('\n');
            }
        }

        return text.ToString();
    }

    /// <summary>Compares <paramref name="assembly"/>'s listing with the committed <c>PublicApi.txt</c> copied beside the tests.</summary>
    public static void ShouldMatchCommittedListing(Assembly assembly)
    {
        var expected = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "PublicApi.txt")).ReplaceLineEndings("\n");
        var actual = Of(assembly);
        if (actual != expected)
        {
            File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "PublicApi.actual.txt"), actual);
        }

        actual.Should().Be(expected, "the public surface changes only on purpose: review PublicApi.actual.txt and update PublicApi.txt with the change");
    }

    private static string Kind(Type t) =>
        t.IsInterface ? "interface" : t.IsEnum ? "enum" : t.IsValueType ? "struct" : t.IsAbstract && t.IsSealed ? "static class" : t.IsSealed ? "sealed class" : t.IsAbstract ? "abstract class" : "class";

    private static bool IsStatic(MemberInfo m) => m switch
    {
        MethodBase b => b.IsStatic,
        PropertyInfo p => (p.GetMethod ?? p.SetMethod)?.IsStatic == true,
        FieldInfo f => f.IsStatic,
        _ => false,
    };

    private static bool IsCompilerGenerated(MemberInfo member) =>
        member.Name is "<Clone>$" or "EqualityContract" or "Deconstruct" or "PrintMembers" or "Equals" or "GetHashCode" or "ToString" || member.Name.StartsWith("op_", StringComparison.Ordinal);
}
