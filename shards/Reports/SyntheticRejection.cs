namespace Corpus.Shards.Reports;

/// <summary>Samples of one synthetic-data recipe rejected for one cause.</summary>
/// <param name="Reason">The cause: <c>verifier</c> (judged wrong), <c>duplicate</c>, <c>contaminated</c>, <c>engine</c> (the request failed) or <c>problem</c> (no problem written).</param>
/// <param name="Samples">Samples rejected for it.</param>
public sealed record SyntheticRejection(string Reason, long Samples);
