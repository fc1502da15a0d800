using Corpus.FastText;

namespace Corpus.Bench.LanguageId;

/// <summary>A fastText .bin/.ftz model through corpus's own engine (<see cref="FastTextModel"/>), in process, one thread.</summary>
internal sealed class FastTextEngineRunner : ILanguageIdRunner
{
    private readonly FastTextModel _model;
    private readonly string _path;

    public FastTextEngineRunner(string path, string name)
    {
        _path = path;
        _model = FastTextModel.Load(path);
        Name = name;
        SupportedLabels = _model.Labels.SelectMany(FastTextLabels.Supported).ToHashSet(StringComparer.Ordinal);
    }

    public string Name { get; }

    public string Description => $"corpus FastTextModel (in process, one thread), {Path.GetFileName(_path)}, top-1";

    public IReadOnlySet<string> SupportedLabels { get; }

    public IReadOnlyList<string> Predict(IReadOnlyList<string> lines)
    {
        var answers = new string[lines.Count];
        Span<FastTextPrediction> best = new FastTextPrediction[1];
        for (var i = 0; i < lines.Count; i++)
        {
            answers[i] = _model.Predict(lines[i].AsSpan(), best) == 0 ? "und" : FastTextLabels.ToLabel(best[0].Label, lines[i]);
        }

        return answers;
    }

    public void Dispose()
    {
    }
}
