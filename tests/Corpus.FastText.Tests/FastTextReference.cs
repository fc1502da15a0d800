using System.Globalization;
using System.Text;
using Corpus.FastText;
using Corpus.Tests.Shared;

namespace Corpus.FastText.Tests;

/// <summary>
/// The reference: Debian's fastText 0.9.2 binary (installed by install-fasttext.sh when missing),
/// and a labelled language-ID data set cut from the UDHR (eight languages, short chunks of words,
/// every fifth chunk held out). Models are trained by the binary once per name and shared.
/// </summary>
public sealed class FastTextReference : IDisposable
{
    public static readonly string[] Languages = ["eng", "fra", "deu_1996", "spa", "pol", "rus", "tur", "ell_monotonic"];

    private readonly Dictionary<string, string> _models = [];
    private readonly Lock _lock = new();

    public FastTextReference()
    {
        var install = ProcessRunner.Run("bash", [Path.Combine(RepoData.Root, "tests", "Corpus.FastText.Tests", "install-fasttext.sh")]);
        if (install.ExitCode != 0)
        {
            throw new InvalidOperationException("install-fasttext.sh failed: " + install.Error);
        }

        Folder = Directory.CreateTempSubdirectory("corpus-fasttext-").FullName;
        var train = new List<string>();
        var many = new List<string>();
        var test = new List<(string Label, string Text)>();
        var index = 0;
        foreach (var language in Languages)
        {
            var text = RepoData.ExtractText(File.ReadAllText(Path.Combine(RepoData.UdhrDir, language + ".html")));
            foreach (var chunk in Chunks(text, 10))
            {
                var label = "__label__" + language;
                if (index++ % 5 == 4)
                {
                    test.Add((label, chunk));
                }
                else
                {
                    train.Add(label + " " + chunk);
                    many.Add($"{label}_{index % 40} {chunk}");
                }
            }
        }

        // A fixed shuffle, so that training does not see one language after another.
        train = [.. train.Select((line, i) => (line, key: (uint)(i * 2654435761u)))
            .OrderBy(p => p.key).Select(p => p.line)];
        TrainFile = Path.Combine(Folder, "train.txt");
        ManyLabelsFile = Path.Combine(Folder, "train-many.txt");
        File.WriteAllLines(ManyLabelsFile, many);
        TestFile = Path.Combine(Folder, "test.txt");
        File.WriteAllLines(TrainFile, train);
        File.WriteAllLines(TestFile, test.Select(t => t.Label + " " + t.Text));
        HeldOut = [.. test.Select(t => t.Text)];
    }

    public string Folder { get; }

    public string TrainFile { get; }

    public string TestFile { get; }

    /// <summary>The training text with 320 labels (language x 40), for quantized output matrices, which need 256 rows.</summary>
    public string ManyLabelsFile { get; }

    /// <summary>Held-out text, no labels.</summary>
    public IReadOnlyList<string> HeldOut { get; }

    /// <summary>Lines that probe tokenization: empty, only spaces, unknown words, labels inside, tabs and other delimiters, mixed scripts.</summary>
    public static IReadOnlyList<string> EdgeLines { get; } =
    [
        string.Empty,
        "   ",
        "zzqx qqqz xxyzz",
        "__label__eng the right to life",
        "__label__nowhere droits de l'homme",
        "tab\tseparated\vvertical\fform\rreturn words",
        "Все люди рождаются свободными and everyone has the right",
        "Όλοι οι άνθρωποι γεννιούνται ελεύθεροι",
        "Każdy człowiek ma prawo do życia, wolności i bezpieczeństwa osobistego.",
        "a",
        "🙂 emoji 🙂🙂 and 中文字符",
        "https://example.com/" + new string('x', 400) + "-verylongtokenwithoutspacesé " + string.Concat(Enumerable.Repeat("ü", 300)),
    ];

    /// <summary>
    /// The path of a model trained (once) by the fasttext binary with the given extra arguments
    /// (names starting with "many" train on <see cref="ManyLabelsFile"/>).
    /// </summary>
    public string Model(string name, params string[] extra)
    {
        lock (_lock)
        {
            if (_models.TryGetValue(name, out var existing))
            {
                return existing;
            }

            var output = Path.Combine(Folder, name);
            Fasttext(["supervised", "-input", name.StartsWith("many", StringComparison.Ordinal) ? ManyLabelsFile : TrainFile, "-output", output, "-minn", "2", "-maxn", "4", "-wordNgrams", "2", "-dim", "16", "-epoch", "5", "-bucket", "100000", "-thread", "1", .. extra]);
            _models[name] = output + ".bin";
            return output + ".bin";
        }
    }

    /// <summary>A quantized copy (.ftz) of a model trained by <see cref="Model"/>.</summary>
    public string Quantized(string name, string[] trainArgs, params string[] quantizeArgs)
    {
        var bin = Model(name, trainArgs);
        var output = bin[..^4];
        lock (_lock)
        {
            var ftz = output + "." + string.Join('_', quantizeArgs.Select(a => a.TrimStart('-'))) + ".ftz";
            if (!File.Exists(ftz))
            {
                Fasttext(["quantize", "-input", TrainFile, "-output", output, .. quantizeArgs]);
                File.Move(output + ".ftz", ftz);
            }

            return ftz;
        }
    }

    /// <summary><c>fasttext predict-prob MODEL - k</c> over the lines: per line, (label, probability) best first.</summary>
    public static IReadOnlyList<IReadOnlyList<(string Label, float Probability)>> PredictProb(string model, IReadOnlyList<string> lines, int k)
    {
        var stdin = string.Concat(lines.Select(l => l + "\n"));
        var result = Fasttext(["predict-prob", model, "-", k.ToString(CultureInfo.InvariantCulture)], stdin);
        var output = result.Split('\n');
        output.Length.Should().BeGreaterThanOrEqualTo(lines.Count);
        return [.. output.Take(lines.Count).Select(ParseLine)];
    }

    /// <summary><c>fasttext test MODEL FILE k</c>: N, P@k, R@k.</summary>
    public static (long N, double Precision, double Recall) Test(string model, string file, int k)
    {
        var lines = Fasttext(["test", model, file, k.ToString(CultureInfo.InvariantCulture)]).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        double Value(string prefix) => double.Parse(lines.Single(l => l.StartsWith(prefix, StringComparison.Ordinal)).Split('\t')[1], CultureInfo.InvariantCulture);
        return ((long)Value("N"), Value("P@"), Value("R@"));
    }

    /// <summary>Compares our predictions with the binary's, line by line: labels in order, probabilities to 1e-4.</summary>
    public static void ShouldMatch(FastTextModel model, string modelPath, IReadOnlyList<string> lines, int k)
    {
        var expected = PredictProb(modelPath, lines, k);
        for (var i = 0; i < lines.Count; i++)
        {
            var actual = model.Predict(lines[i], k);
            actual.Select(p => p.Label).Should().Equal(expected[i].Select(e => e.Label), $"line {i} '{lines[i]}'");
            for (var j = 0; j < actual.Count; j++)
            {
                actual[j].Probability.Should().BeApproximately(expected[i][j].Probability, 1e-4f, $"line {i} '{lines[i]}', rank {j}");
            }
        }
    }

    public static string Fasttext(string[] args, string? stdin = null)
    {
        var result = ProcessRunner.Run("fasttext", args, stdin);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"fasttext {string.Join(' ', args)} exited with {result.ExitCode}: {result.Error}");
        }

        return result.Output;
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    private static IReadOnlyList<(string Label, float Probability)> ParseLine(string line)
    {
        var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var result = new List<(string, float)>();
        for (var i = 0; i + 1 < parts.Length; i += 2)
        {
            result.Add((parts[i], float.Parse(parts[i + 1], CultureInfo.InvariantCulture)));
        }

        return result;
    }

    private static IEnumerable<string> Chunks(string text, int words)
    {
        foreach (var line in text.Split('\n'))
        {
            var tokens = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < tokens.Length; i += words)
            {
                yield return string.Join(' ', tokens.Skip(i).Take(words));
            }
        }
    }
}

[CollectionDefinition(Name)]
public sealed class FastTextCollection : ICollectionFixture<FastTextReference>
{
    public const string Name = "fasttext";
}
