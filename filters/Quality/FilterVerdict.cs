namespace Corpus.Filters.Quality;

/// <summary>
/// What <see cref="QualityFilter"/> decided: kept or not, the first failing rule with its measured value and threshold,
/// every signal it measured, and the text that survives the line-level rules.
/// </summary>
public sealed record FilterVerdict(
    bool Kept,
    string? Rule,
    double? Value,
    double? Threshold,
    string Text,
    IReadOnlyDictionary<string, double> Signals);
