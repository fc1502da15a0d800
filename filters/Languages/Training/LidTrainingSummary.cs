namespace Corpus.Filters.Languages.Training;

/// <summary>What went into a training file, per label.</summary>
/// <param name="Labels">Per label: UDHR lines (repeats counted) and catalog lines written.</param>
public sealed record LidTrainingSummary(IReadOnlyDictionary<string, LidLabelLines> Labels)
{
    /// <summary>Every line written.</summary>
    public int Lines => Labels.Values.Sum(l => l.Udhr + l.Catalog);

    /// <summary>What each machine translation added (its lines are counted in the target label's catalog lines).</summary>
    public IReadOnlyList<LidTranslated> Translations { get; init; } = [];

    /// <summary>What each word list added (its lines are counted in its label's catalog lines, up to the cap).</summary>
    public IReadOnlyList<LidSampled> WordLists { get; init; } = [];
}

/// <summary>One label's lines in a training file.</summary>
/// <param name="Udhr">UDHR lines, repeats counted.</param>
/// <param name="Catalog">Translation-catalog and fortune lines.</param>
public sealed record LidLabelLines(int Udhr, int Catalog);
