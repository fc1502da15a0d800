using System.Diagnostics;
using System.Text.Json;
using Corpus.Tests.Shared;

namespace Corpus.Bench.Code;

/// <summary>
/// highlight.js 11.11.1's <c>highlightAuto</c> (npm), limited to the languages corpus's identifier names, as one
/// long-lived Node.js child (code-detector.mjs): one JSON-encoded text a line in, one answer a line out.
/// install-npm-bench.sh puts it under .cache/npm-bench.
/// </summary>
internal sealed class HighlightJsRunner : IDisposable
{
    // highlight.js's name of each language corpus names. Its "xml" grammar is HTML's and XML's both (html, xhtml,
    // svg and rss are its aliases): that answer counts as right for either (<see cref="HtmlOrXml"/>).
    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["python"] = "Python", ["c"] = "C", ["cpp"] = "C++", ["csharp"] = "C#", ["java"] = "Java",
        ["javascript"] = "JavaScript", ["typescript"] = "TypeScript", ["go"] = "Go", ["rust"] = "Rust", ["ruby"] = "Ruby",
        ["php"] = "PHP", ["bash"] = "Shell", ["sql"] = "SQL", ["xml"] = HtmlOrXml, ["css"] = "CSS", ["kotlin"] = "Kotlin",
        ["swift"] = "Swift", ["lua"] = "Lua", ["perl"] = "Perl", ["r"] = "R", ["haskell"] = "Haskell", ["scala"] = "Scala",
        ["markdown"] = "Markdown", ["json"] = "JSON", ["yaml"] = "YAML", ["latex"] = "TeX", ["makefile"] = "Makefile",
        ["dockerfile"] = "Dockerfile", ["powershell"] = "PowerShell",
    };

    /// <summary>highlight.js's answer for its "xml" grammar: right for an HTML file and for an XML file.</summary>
    public const string HtmlOrXml = "HTML/XML";

    private readonly Process _node;

    public HighlightJsRunner()
    {
        var root = RepoData.Root;
        var here = Path.Combine(root, "bench", "Corpus.Bench", "Code");
        ChildProcesses.Run("bash", [Path.Combine(root, "bench", "Corpus.Bench", "install-npm-bench.sh"), root, "highlight.js@11.11.1"]);
        string header;
        (_node, header) = ChildProcesses.StartNode(Path.Combine(here, "code-detector.mjs"), Path.Combine(root, ".cache", "npm-bench", "node_modules"), string.Join(',', Names.Keys));
        Version = JsonDocument.Parse(header).RootElement.GetProperty("version").GetString() ?? "?";
    }

    public string Version { get; }

    /// <summary>highlight.js's language of each text, as corpus names it ("unknown" where it names none).</summary>
    public IReadOnlyList<string> Predict(IReadOnlyList<string> texts)
    {
        var writer = Task.Run(() =>
        {
            foreach (var text in texts)
            {
                _node.StandardInput.Write(JsonSerializer.Serialize(text));
                _node.StandardInput.Write('\n');
            }

            _node.StandardInput.Flush();
        });
        var answers = new string[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            var answer = _node.StandardOutput.ReadLine() ?? throw new InvalidOperationException($"highlight.js stopped answering at text {i}");
            var name = JsonDocument.Parse(answer).RootElement.GetProperty("language").GetString();
            answers[i] = name is not null && Names.TryGetValue(name, out var language) ? language : "unknown";
        }

        writer.GetAwaiter().GetResult();
        return answers;
    }

    public void Dispose() => ChildProcesses.Stop(_node);
}
