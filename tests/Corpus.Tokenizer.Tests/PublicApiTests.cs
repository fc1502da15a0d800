using System.Reflection;

namespace Corpus.Tokenizer.Tests;

public sealed class PublicApiTests
{
    [Fact]
    public void Public_api_is_the_committed_one()
    {
        var assembly = typeof(QwenTokenizer).Assembly;
        var lines = new List<string>();
        foreach (var type in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            lines.Add($"{(type.IsSealed ? "sealed " : "")}{(type.IsClass ? "class" : "type")} {type.FullName}");
            lines.AddRange(type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(m => m is not MethodInfo { IsSpecialName: true })
                .Select(m => $"  {(m is MethodBase { IsStatic: true } or PropertyInfo { GetMethod.IsStatic: true } ? "static " : "")}{m}")
                .Order(StringComparer.Ordinal));
        }

        string expected = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "PublicApi.txt")).ReplaceLineEndings("\n").TrimEnd();
        string.Join('\n', lines).Should().Be(expected, "the public surface changes only on purpose (update PublicApi.txt with it)");
    }
}
