using Corpus.Core.Languages;

namespace Corpus.Filters.Languages;

/// <summary>One language of <see cref="LanguageIdentifier.Rank"/>'s ranking.</summary>
/// <param name="Language">The language (<c>und_Scrp</c> when no label fits the text's script).</param>
/// <param name="Probability">The model's probability of it (its group model's share for a language of a group), 0 to 1.</param>
public readonly record struct LanguageCandidate(LanguageCode Language, double Probability);
