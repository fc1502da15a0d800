using System.Diagnostics;
using System.Text.Json;
using Corpus.Tests.Shared;

namespace Corpus.Bench.LanguageId;

/// <summary>
/// CLD3 (npm cld3-asm 4.0.0) or franc (npm franc-all 7.2.0), each run as one long-lived Node.js child
/// (node-detector.mjs) that reads lines on stdin and writes one JSON answer a line, so starting Node is
/// paid once, not per line. install-npm-bench.sh puts both under .cache/npm-bench.
/// </summary>
internal sealed class NodeDetectorRunner : ILanguageIdRunner
{
    private readonly Process _node;
    private readonly bool _isCld3;
    private readonly Dictionary<string, string[]> _francScripts = new(StringComparer.Ordinal);

    private NodeDetectorRunner(bool isCld3)
    {
        _isCld3 = isCld3;
        var root = RepoData.Root;
        var here = Path.Combine(root, "bench", "Corpus.Bench", "LanguageId");
        ChildProcesses.Run("bash", [Path.Combine(root, "bench", "Corpus.Bench", "install-npm-bench.sh"), root, "cld3-asm@4.0.0", "franc-all@7.2.0"]);
        string header;
        (_node, header) = ChildProcesses.StartNode(Path.Combine(here, "node-detector.mjs"), isCld3 ? "cld3" : "franc", Path.Combine(root, ".cache", "npm-bench", "node_modules"));
        var codes = JsonDocument.Parse(header).RootElement.GetProperty("supported").EnumerateArray().Select(code => code.GetString()!).ToList();
        var labels = new HashSet<string>(StringComparer.Ordinal);
        foreach (var code in codes)
        {
            if (isCld3)
            {
                var (language, script) = LanguageCodeMap.FromCld3(code);
                labels.UnionWith(LanguageCodeMap.Labels(language, script is null ? LanguageCodeMap.ScriptsOf(language) : [script]));
            }
            else
            {
                var slash = code.IndexOf('/', StringComparison.Ordinal);
                var language = LanguageCodeMap.LanguageOfIso6393(code[..slash]);
                var scripts = LanguageCodeMap.FrancScriptsOf(code[(slash + 1)..]);
                _francScripts[language] = [.. (_francScripts.GetValueOrDefault(language) ?? []).Union(scripts)];
                labels.UnionWith(LanguageCodeMap.Labels(language, scripts));
            }
        }

        SupportedLabels = labels;
    }

    public string Name => _isCld3 ? "CLD3" : "franc";

    public string Description => _isCld3
        ? "npm cld3-asm 4.0.0 (CLD3 in WebAssembly), findLanguage, minimum 0 bytes, at most 1000 bytes read"
        : "npm franc-all 7.2.0 (414 languages), franc(line) with its defaults (und under 10 characters)";

    public IReadOnlySet<string> SupportedLabels { get; }

    public static NodeDetectorRunner Cld3() => new(isCld3: true);

    public static NodeDetectorRunner Franc() => new(isCld3: false);

    public IReadOnlyList<string> Predict(IReadOnlyList<string> lines)
    {
        // Write on one task, read on this one: neither pipe fills up while the other waits.
        var writer = Task.Run(() =>
        {
            foreach (var line in lines)
            {
                _node.StandardInput.Write(line);
                _node.StandardInput.Write('\n');
            }

            _node.StandardInput.Flush();
        });
        var answers = new string[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            var answer = _node.StandardOutput.ReadLine() ?? throw new InvalidOperationException($"{Name} stopped answering at line {i}");
            var code = JsonDocument.Parse(answer).RootElement.GetProperty("code").GetString() ?? "und";
            answers[i] = ToLabel(code, lines[i]);
        }

        writer.GetAwaiter().GetResult();
        return answers;
    }

    public void Dispose() => ChildProcesses.Stop(_node);

    private string ToLabel(string code, string line)
    {
        if (code == "und")
        {
            return "und";
        }

        if (_isCld3)
        {
            var (language, script) = LanguageCodeMap.FromCld3(code);
            return LanguageCodeMap.Label(language, script, LanguageCodeMap.ScriptsOf(language), ScriptOfText.Of(line));
        }

        var francLanguage = LanguageCodeMap.LanguageOfIso6393(code);
        var scripts = _francScripts.TryGetValue(francLanguage, out var known) ? known : LanguageCodeMap.ScriptsOf(francLanguage);
        return LanguageCodeMap.Label(francLanguage, null, scripts, ScriptOfText.Of(line));
    }
}
