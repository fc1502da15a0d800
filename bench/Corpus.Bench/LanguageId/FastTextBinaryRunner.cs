using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Corpus.Bench.LanguageId;

/// <summary>
/// A fastText .bin/.ftz model through fastText's own C++ (Debian's <c>fasttext predict-prob MODEL - 1</c>),
/// one long-lived process reading lines on stdin. Its labels come from <c>fasttext dump MODEL dict</c>.
/// </summary>
internal sealed class FastTextBinaryRunner : ILanguageIdRunner
{
    private const string Binary = "fasttext";
    private readonly string _model;
    private readonly Process _fastText;

    public FastTextBinaryRunner(string model, string name)
    {
        _model = model;
        Name = name;
        SupportedLabels = DictionaryLabels(model).SelectMany(FastTextLabels.Supported).ToHashSet(StringComparer.Ordinal);
        var start = new ProcessStartInfo(Binary)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var argument in new[] { "predict-prob", model, "-", "1" })
        {
            start.ArgumentList.Add(argument);
        }

        _fastText = Process.Start(start) ?? throw new InvalidOperationException($"{Binary} did not start");
    }

    public string Name { get; }

    public string Description => $"Debian fasttext (C++) predict-prob {Path.GetFileName(_model)} - 1";

    public IReadOnlySet<string> SupportedLabels { get; }

    public IReadOnlyList<string> Predict(IReadOnlyList<string> lines)
    {
        var writer = Task.Run(() =>
        {
            foreach (var line in lines)
            {
                _fastText.StandardInput.Write(line);
                _fastText.StandardInput.Write('\n');
            }

            _fastText.StandardInput.Flush();
        });
        var answers = new string[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            var answer = _fastText.StandardOutput.ReadLine() ?? throw new InvalidOperationException($"fasttext stopped answering at line {i}");
            var label = answer.Split(' ', 2)[0];
            answers[i] = label.Length == 0 ? "und" : FastTextLabels.ToLabel(label, lines[i]);
        }

        writer.GetAwaiter().GetResult();
        return answers;
    }

    public void Dispose() => ChildProcesses.Stop(_fastText);

    /// <summary>The model's labels: the rows of <c>fasttext dump MODEL dict</c> whose type is "label".</summary>
    public static IReadOnlyList<string> DictionaryLabels(string model)
    {
        var start = new ProcessStartInfo(Binary) { RedirectStandardOutput = true, UseShellExecute = false, StandardOutputEncoding = Encoding.UTF8 };
        foreach (var argument in new[] { "dump", model, "dict" })
        {
            start.ArgumentList.Add(argument);
        }

        using var dump = Process.Start(start) ?? throw new InvalidOperationException($"{Binary} did not start");
        var labels = new List<string>();
        while (dump.StandardOutput.ReadLine() is { } row)
        {
            var fields = row.Split(' ');
            if (fields is [var word, var count, "label"] && long.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                labels.Add(word);
            }
        }

        dump.WaitForExit();
        return dump.ExitCode == 0 && labels.Count > 0
            ? labels
            : throw new InvalidOperationException($"fasttext dump {model} dict gave no labels (exit {dump.ExitCode})");
    }
}
