namespace Corpus.Filters.Languages.Training;

/// <summary>What one <see cref="LidWordList"/> added to a training file.</summary>
/// <param name="List">The list.</param>
/// <param name="Lines">Lines sampled from it (before the label's catalog cap).</param>
/// <param name="Skipped">Why nothing was sampled (the list is not in the package folder), or null.</param>
public sealed record LidSampled(LidWordList List, int Lines, string? Skipped);
