namespace Corpus.FastText;

/// <summary>Where training stands.</summary>
/// <param name="Fraction">Processed tokens over epochs x tokens in the file, 0 to 1.</param>
/// <param name="Tokens">Tokens processed so far, over all epochs.</param>
/// <param name="Loss">Mean loss per example so far.</param>
public sealed record FastTextTrainingProgress(double Fraction, long Tokens, double Loss);
