namespace Corpus.Filters.Languages.Training;

/// <summary>What one <see cref="LidTranslation"/> added to a training file.</summary>
/// <param name="Translation">The translation.</param>
/// <param name="Strings">Strings of its source label that were translated.</param>
/// <param name="Changed">Translations that differ from their string: the ones added to the target label's sources.</param>
/// <param name="Skipped">Why it did not run (its translator is not there), or null when it ran.</param>
public sealed record LidTranslated(LidTranslation Translation, int Strings, int Changed, string? Skipped);
