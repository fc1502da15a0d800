namespace Corpus.Filters.Classification.Code;

/// <summary>What <see cref="ProgrammingLanguageIdentifier"/> decided.</summary>
/// <param name="Language">One of <see cref="ProgrammingLanguageIdentifier.Languages"/>, or <see cref="ProgrammingLanguageIdentifier.Unknown"/>.</param>
/// <param name="Confidence">The winner's share of all evidence found (0 to 1); 0 for unknown.</param>
public sealed record ProgrammingLanguageGuess(string Language, double Confidence);
