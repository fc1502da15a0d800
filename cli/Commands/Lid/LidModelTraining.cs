using System.Diagnostics;
using Corpus.FastText;
using Corpus.Filters.Languages.Training;

namespace Corpus.Cli.Commands.Lid;

/// <summary>Trains a language-ID model into a file, as <c>lid train</c> and <c>lid build-model</c> do: the time and counts to stderr.</summary>
internal static class LidModelTraining
{
    /// <summary>Trains a fastText model and saves it; prints the time and label count to stderr.</summary>
    public static int Train(string input, string output, FastTextTrainingOptions options, CliConsole console, string name, CancellationToken ct) =>
        TrainAndSave(input, output, console, name, () =>
        {
            var model = FastTextTrainer.Train(input, options, null, ct);
            return (model.Save, $"{model.Labels.Count} labels");
        });

    /// <summary>Trains a character n-gram model and saves it; prints the time, label and n-gram counts to stderr.</summary>
    public static int TrainNgrams(string input, string output, CharacterNgramOptions options, CliConsole console, string name, CancellationToken ct) =>
        TrainAndSave(input, output, console, name, () =>
        {
            var model = CharacterNgramTrainer.Train(input, options, ct);
            return (model.Save, $"{model.Labels.Count} labels, {model.NgramCount} n-grams");
        });

    // Runs `train` on an existing input file and writes its model to `output` through a temporary file.
    private static int TrainAndSave(string input, string output, CliConsole console, string name, Func<(Action<string> Save, string Summary)> train)
    {
        if (!File.Exists(input))
        {
            console.Error.WriteLine($"corpus {name}: the training file '{input}' does not exist");
            return ExitCodes.Failure;
        }

        var watch = Stopwatch.StartNew();
        try
        {
            var (save, summary) = train();
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
            save(output + ".tmp");
            File.Move(output + ".tmp", output, true);
            console.Error.WriteLine($"corpus {name}: {summary}, {new FileInfo(output).Length} bytes -> {output} ({watch.Elapsed.TotalSeconds:F1} s)");
            return ExitCodes.Success;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or ArgumentException)
        {
            console.Error.WriteLine($"corpus {name}: {e.Message}");
            return ExitCodes.Failure;
        }
    }
}
