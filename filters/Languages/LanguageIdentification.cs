using Corpus.Core.Languages;

namespace Corpus.Filters.Languages;

/// <summary>The language of a document as <see cref="LanguageIdentifier"/> decides it.</summary>
/// <param name="Language">The winning language, or <see cref="LanguageCode.Undetermined"/> below the confidence threshold.</param>
/// <param name="Score">Confidence in <paramref name="Language"/> (0 to 1): the winner's share of the text times its mean probability, lowered for very short texts.</param>
/// <param name="Script">The dominant ISO 15924 script of the whole text (<see cref="ScriptDetector"/>).</param>
/// <param name="Shares">Every language that won a paragraph, with its share of the text's letters, largest first.</param>
public sealed record LanguageIdentification(LanguageCode Language, double Score, string Script, IReadOnlyList<LanguageShare> Shares);

/// <summary>One language's part of a (possibly mixed-language) text.</summary>
/// <param name="Language">The language.</param>
/// <param name="Share">Its share of the text's letters, 0 to 1.</param>
/// <param name="Probability">The mean model probability of the paragraphs it won, weighted by length.</param>
public sealed record LanguageShare(LanguageCode Language, double Share, double Probability);
