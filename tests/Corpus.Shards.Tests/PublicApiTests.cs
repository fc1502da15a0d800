using System.Reflection;
using System.Text;

namespace Corpus.Shards.Tests;

public sealed class PublicApiTests
{
    [Fact]
    public void Public_api_matches_the_committed_listing()
    {
        var expected = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "PublicApi.txt")).ReplaceLineEndings("\n");

        var actual = Listing(typeof(ShardSetWriter).Assembly);

        actual.Should().Be(expected, "the public surface changes only on purpose: update PublicApi.txt with it");
    }

    private static string Listing(Assembly assembly)
    {
        var lines = new List<string>();
        foreach (var type in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            lines.Add($"type {type.FullName}");
            var members = type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(m => m is not MethodInfo { IsSpecialName: true })
                .Where(m => m.DeclaringType == type && !IsCompilerGenerated(m))
                .Select(m => "  " + m.MemberType + " " + m)
                .Order(StringComparer.Ordinal);
            lines.AddRange(members);
        }

        var text = new StringBuilder();
        foreach (var line in lines)
        {
            text.Append(line).Append('\n');
        }

        return text.ToString();
    }

    private static bool IsCompilerGenerated(MemberInfo member) =>
        member.Name is "<Clone>$" or "EqualityContract" or "Deconstruct" or "PrintMembers" || member.Name.StartsWith("op_", StringComparison.Ordinal);
}
