namespace Corpus.Pipeline.Synth;

/// <summary>How a synth run ended.</summary>
/// <param name="Accepted">Samples written to the Parquet parts.</param>
/// <param name="Rejected">Samples written to the reject files.</param>
/// <param name="RejectedBy">Rejected samples by cause: <c>verifier</c>, <c>engine</c>, <c>problem</c> (not written), <c>contaminated</c>, <c>duplicate</c>.</param>
/// <param name="Parts">The Parquet files written.</param>
/// <param name="RejectFiles">The JSONL files of rejected samples.</param>
public sealed record SynthRunResult(int Accepted, int Rejected, IReadOnlyDictionary<string, int> RejectedBy, IReadOnlyList<string> Parts, IReadOnlyList<string> RejectFiles);
