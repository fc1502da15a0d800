namespace Corpus.Filters.Languages.Training;

/// <summary>A passage of training text and its label.</summary>
/// <param name="Label">The language code, <c>eng_Latn</c> form.</param>
/// <param name="Text">The passage: one paragraph, never spanning a line break.</param>
public sealed record LidText(string Label, string Text);
