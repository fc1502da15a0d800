using System.Globalization;
using Corpus.FastText;
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
