using System.Diagnostics;
using System.Globalization;
using System.Text;
using Corpus.FastText;
using Corpus.Tests.Shared;

namespace Corpus.Bench.Classification;

/// <summary>
/// Single-thread prediction speed of <see cref="FastTextModel"/> beside the fastText C++ binary on
/// the same model and the same 200-character lines. The binary is timed on N and 2N lines
/// (<c>fasttext predict-prob MODEL - 1</c>, stdin from a file, stdout to a file) and its rate taken
/// from the difference, so loading the model cancels out. Every line's top-1 label is compared.
/// Without <c>--model</c>, a language-ID model is trained by the binary on the first 60% of 40 UDHR
/// translations (the lines are cut from the other 40%, so unknown words occur as in real text)
/// in lid.176's shape (dim 16, minn 2, maxn 4, word bigrams); <c>--quantize</c> runs both on its
/// <c>fasttext quantize -cutoff 50000 -qnorm</c> copy.
/// </summary>
internal static class FastTextBenchmark
{
    public static int Run(string? modelPath, bool quantize, int lines, int rounds)
    {
        var work = Directory.CreateTempSubdirectory("corpus-bench-fasttext-").FullName;
        try
        {
            var texts = UdhrTexts();
            modelPath ??= TrainModel(work, texts);
            if (quantize)
            {
                // fasttext quantize reads MODEL.bin and writes MODEL.ftz beside it.
                var copy = Path.Combine(work, "quantized");
                File.Copy(modelPath, copy + ".bin", overwrite: true);
                // -input is required but read only with -retrain.
                Run("fasttext", ["quantize", "-input", modelPath, "-output", copy, "-cutoff", "50000", "-qnorm"]);
                modelPath = copy + ".ftz";
            }

            var model = FastTextModel.Load(modelPath);
            var input = Lines(texts, lines);
            var small = Path.Combine(work, "small.txt");
            var large = Path.Combine(work, "large.txt");
            File.WriteAllLines(small, input);
            File.WriteAllLines(large, input.Concat(input));

            var into = new FastTextPrediction[1];
            int PredictAll()
            {
                var n = 0;
                foreach (var line in input)
                {
                    n += model.Predict(line, into);
                }

                return n;
            }

            // Rounds interleave the two engines, so a busy spell on the shared machine hits both.
            PredictAll();
            var ours = double.MaxValue;
            var smallTime = double.MaxValue;
            var largeTime = double.MaxValue;
            var largeOutput = string.Empty;
            for (var r = 0; r < rounds; r++)
            {
                var clock = Stopwatch.StartNew();
                PredictAll();
                ours = Math.Min(ours, clock.Elapsed.TotalSeconds);
                smallTime = Math.Min(smallTime, TimeBinary(modelPath, small, out _));
                largeTime = Math.Min(largeTime, TimeBinary(modelPath, large, out largeOutput));
            }

            var binaryRate = input.Count / Math.Max(largeTime - smallTime, 1e-9);
            var ourRate = input.Count / ours;
            var expected = largeOutput.Split('\n');
            var mismatches = 0;
            for (var i = 0; i < input.Count; i++)
            {
                var top = model.Predict(input[i], 1);
                var theirs = expected[i].Split(' ')[0];
                if ((top.Count == 0 ? string.Empty : top[0].Label) != theirs)
                {
                    mismatches++;
                }
            }

            var labels = model.Labels.Count;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fastText predict, {input.Count:N0} lines of 200 characters, single thread, best of {rounds}, {DateTime.UtcNow:yyyy-MM-dd}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"model {Path.GetFileName(modelPath)}: {labels} labels, dim {model.Args.Dim}, minn {model.Args.MinN}, maxn {model.Args.MaxN}, wordNgrams {model.Args.WordNgrams}, {model.Args.Loss}{(model.IsQuantized ? ", quantized" : string.Empty)}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"corpus FastTextModel.Predict (span, k=1):  {ourRate,12:N0} lines/s"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fasttext predict-prob (C++ 0.9.2, k=1):  {binaryRate,12:N0} lines/s  (N: {smallTime:F3} s, 2N: {largeTime:F3} s)"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio (corpus / fastText): {ourRate / binaryRate:F2}x"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"top-1 differences: {mismatches} of {input.Count}"));
            return mismatches == 0 ? 0 : 1;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static List<(string Language, string Text)> UdhrTexts() =>
        [.. RepoData.UdhrTranslations
            .Where(t => t.Text.Length > 8000)
            .Where((_, i) => i % 8 == 0)
            .Take(40)
            .Select(t => (Path.GetFileNameWithoutExtension(t.Name), t.Text))];

    private static string TrainModel(string work, List<(string Language, string Text)> texts)
    {
        var train = Path.Combine(work, "train.txt");
        var lines = new List<string>();
        foreach (var (language, text) in texts)
        {
            var all = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            foreach (var line in all.Take(all.Length * 3 / 5))
            {
                lines.Add($"__label__{language} {line}");
            }
        }

        File.WriteAllLines(train, lines.OrderBy(l => (uint)l.GetHashCode(StringComparison.Ordinal)));
        var output = Path.Combine(work, "lid");
        Run("fasttext", ["supervised", "-input", train, "-output", output, "-minn", "2", "-maxn", "4", "-wordNgrams", "2", "-dim", "16", "-epoch", "5", "-bucket", "200000", "-thread", "1", "-verbose", "0"]);
        return output + ".bin";
    }

    /// <summary>Lines of exactly 200 characters (whitespace folded to spaces), taken round robin from the texts.</summary>
    private static List<string> Lines(List<(string Language, string Text)> texts, int count)
    {
        var flat = texts.Select(t => t.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            .Select(all => string.Join(' ', all.Skip(all.Length * 3 / 5)).Replace('\t', ' ').Replace('\r', ' '))
            .ToList();
        var result = new List<string>(count);
        for (var i = 0; result.Count < count; i++)
        {
            var text = flat[i % flat.Count];
            var start = (i / flat.Count * 200) % Math.Max(1, text.Length - 200);
            var line = text.Substring(start, Math.Min(200, text.Length - start));
            if (char.IsLowSurrogate(line[0]))
            {
                line = line[1..];
            }

            if (char.IsHighSurrogate(line[^1]))
            {
                line = line[..^1];
            }

            result.Add(line);
        }

        return result;
    }

    private static double TimeBinary(string model, string input, out string output)
    {
        var outputFile = input + ".out";
        var clock = Stopwatch.StartNew();
        Run("bash", ["-c", "fasttext predict-prob \"$0\" - 1 < \"$1\" > \"$2\"", model, input, outputFile]);
        var elapsed = clock.Elapsed.TotalSeconds;
        output = File.ReadAllText(outputFile, Encoding.UTF8);
        return elapsed;
    }

    private static void Run(string program, string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited with {process.ExitCode}: {error}");
        }
    }
}
