namespace Corpus.Shards.Reports;

/// <summary>One synthetic-data recipe (a synth task of the build): samples generated and accepted.</summary>
/// <param name="Name">The recipe's name: the task's kind (<c>math</c>, <c>code</c>), with its part when two tasks share a kind.</param>
/// <param name="Generated">Samples generated: accepted plus rejected.</param>
/// <param name="Accepted">Samples that passed verification, decontamination and dedup.</param>
/// <param name="AcceptanceRate">Accepted over generated (0..1; 0 when none was generated).</param>
/// <param name="RejectedBy">The rejected samples by cause, the most first; empty when none was rejected.</param>
public sealed record SyntheticRecipe(string Name, long Generated, long Accepted, double AcceptanceRate, IReadOnlyList<SyntheticRejection> RejectedBy);
