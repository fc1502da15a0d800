namespace Corpus.Filters.Languages.Training;

/// <summary>
/// A word-frequency list (<c>word&lt;TAB&gt;count</c> lines) that running text of <paramref name="Label"/> is sampled from
/// (<see cref="WordListText"/>), for a language whose own text in the packages is thin but whose everyday words
/// set it apart: Cantonese, whose particles (嘅, 佢, 咗, 唔) written Mandarin does not use.
/// </summary>
/// <param name="Path">The list, relative to the package folder, e.g. <c>usr/share/rime-data/essay-cantonese.txt</c>.</param>
/// <param name="Label">The label the sampled lines are text of, e.g. <c>yue_Hant</c>.</param>
/// <param name="Separator">What goes between two sampled words: nothing for Han text.</param>
public sealed record LidWordList(string Path, string Label, string Separator);
