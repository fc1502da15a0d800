using Corpus.Filters.Languages;

namespace Corpus.Bench.LanguageId;

/// <summary>
/// corpus's built-in language identification (<see cref="LanguageIdentifier"/>: script guard, per-paragraph
/// votes) over the built-in model or any <c>xxx_Scrp</c> fastText model, one line a document. Where the
/// identifier is not confident enough to name a language (it says und), its best guess (the language
/// with the largest share) is the answer, as CLD3's and Lingua's answers are taken whether or not they
/// call them reliable; <see cref="UndeterminedLines"/> counts those lines.
/// </summary>
internal sealed class BuiltInLanguageIdRunner : ILanguageIdRunner
{
    private readonly LanguageIdentifier _identifier;
    private readonly string _model;

    public BuiltInLanguageIdRunner(string? model)
    {
        _model = model ?? LanguageIdentifier.DefaultModelPath;
        _identifier = LanguageIdentifier.Load(_model);
        SupportedLabels = _identifier.Languages.Where(code => code.Language is not (null or "und"))
            .Select(code => code.ToString()).ToHashSet(StringComparer.Ordinal);
    }

    public string Name => "corpus";

    public string Description =>
        $"corpus LanguageIdentifier (in process, one thread) over {(_model == LanguageIdentifier.DefaultModelPath ? "the built-in model" : Path.GetFileName(_model))}{(_identifier.Groups.Count > 0 ? $" with its group models ({string.Join(", ", _identifier.Groups.Select(g => g.Name))})" : "")}; best guess where it says und ({UndeterminedLines:N0} lines in the last run)";

    public IReadOnlySet<string> SupportedLabels { get; }

    /// <summary>Lines of the last <see cref="Predict"/> the identifier left undetermined (below its confidence threshold).</summary>
    public int UndeterminedLines { get; private set; }

    public IReadOnlyList<string> Predict(IReadOnlyList<string> lines)
    {
        var answers = new string[lines.Count];
        var undetermined = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            var identification = _identifier.Identify(lines[i]);
            if (identification.Language.Language is null or "und")
            {
                undetermined++;
                answers[i] = identification.Shares.Count > 0 && identification.Shares[0].Language.Language is not (null or "und")
                    ? identification.Shares[0].Language.ToString()
                    : "und";
            }
            else
            {
                answers[i] = identification.Language.ToString();
            }
        }

        UndeterminedLines = undetermined;
        return answers;
    }

    public void Dispose()
    {
    }
}
