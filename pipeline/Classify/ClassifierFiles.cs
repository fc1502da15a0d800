using System.Globalization;
using Corpus.Filters.Classification.FastText;
using Corpus.Pipeline.Build;

namespace Corpus.Pipeline.Classify;

/// <summary><c>corpus classify predict</c> and <c>eval</c>: a fastText model on files of lines.</summary>
public static class ClassifierFiles
{
    /// <summary>Loads a fastText model, turning file errors into <see cref="BuildException"/>s that name the file.</summary>
    public static FastTextModel LoadModel(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new BuildException($"model '{path}' does not exist");
        }

        try
        {
            return FastTextModel.Load(path);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or EndOfStreamException or UnauthorizedAccessException)
        {
            throw new BuildException($"cannot load model '{path}': {e.Message}");
        }
    }

    /// <summary>
    /// Writes one line per input line: the <paramref name="k"/> most probable labels (without the
    /// <c>__label__</c> prefix) and their probabilities, <c>label&lt;TAB&gt;probability</c> pairs
    /// separated by tabs; an empty line where the model predicts nothing. Returns the lines read.
    /// </summary>
    public static async Task<long> PredictAsync(FastTextModel model, TextReader input, TextWriter output, int k = 1, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        const string prefix = Filters.Classification.FastTextLines.LabelPrefix;
        long lines = 0;
        var sb = new System.Text.StringBuilder();
        while (await input.ReadLineAsync(ct).ConfigureAwait(false) is { } line)
        {
            lines++;
            sb.Clear();
            foreach (var p in model.Predict(line, k))
            {
                if (sb.Length > 0)
                {
                    sb.Append('\t');
                }

                var label = p.Label.StartsWith(prefix, StringComparison.Ordinal) ? p.Label[prefix.Length..] : p.Label;
                sb.Append(label).Append('\t').Append(p.Probability.ToString("0.#####", CultureInfo.InvariantCulture));
            }

            sb.Append('\n');
            await output.WriteAsync(sb, ct).ConfigureAwait(false);
        }

        return lines;
    }

    /// <summary>Precision and recall at <paramref name="k"/>, overall and per label, of a model on a file of <c>__label__x text</c> lines.</summary>
    public static FastTextEvaluation Evaluate(FastTextModel model, string testFile, int k = 1)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!File.Exists(testFile))
        {
            throw new BuildException($"test file '{testFile}' does not exist");
        }

        return FastTextEvaluator.Evaluate(model, testFile, k);
    }
}
