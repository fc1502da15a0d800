namespace Corpus.Filters.Classification.Code;

/// <summary>What <see cref="CodeDetector"/> found in a document.</summary>
/// <param name="Kind">Prose, prose with code, or code.</param>
/// <param name="CodeShare">Share of the characters of non-blank lines that are in lines that look like code (0 to 1).</param>
/// <param name="CodeLines">Non-blank lines that look like code.</param>
/// <param name="Lines">Non-blank lines looked at.</param>
public sealed record CodeDetection(CodeKind Kind, double CodeShare, int CodeLines, int Lines);
