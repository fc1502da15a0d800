namespace Corpus.Filters.Languages.Training;

/// <summary>One language pack's translated strings.</summary>
/// <param name="Application">The application the pack is for (<c>firefox-esr</c>, <c>thunderbird</c>).</param>
/// <param name="Locale">The pack's locale (<c>hr</c>, <c>pt-BR</c>).</param>
/// <param name="Strings">Its values, English ones dropped, not yet cleaned.</param>
internal sealed record MozillaLangpack(string Application, string Locale, IReadOnlyList<string> Strings);
