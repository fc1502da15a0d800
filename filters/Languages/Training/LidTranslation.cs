namespace Corpus.Filters.Languages.Training;

/// <summary>
/// A machine translation that adds training text: the catalog, help and message strings of
/// <paramref name="From"/> translated by <paramref name="Mode"/> become sources of <paramref name="To"/>; only
/// strings the translation changed are kept (a string both languages write alike teaches neither).
/// </summary>
/// <param name="From">The label whose strings are translated, e.g. <c>ind_Latn</c>.</param>
/// <param name="To">The label the translations are text of, e.g. <c>zsm_Latn</c>.</param>
/// <param name="Mode">The translator's direction, e.g. Apertium's <c>ind-zlm</c>.</param>
public sealed record LidTranslation(string From, string To, string Mode);
