namespace Corpus.Pipeline.Classify;

/// <summary>How an annotation run ended.</summary>
/// <param name="InputDir">The folder the documents were read from.</param>
/// <param name="Documents">Documents in the input.</param>
/// <param name="Sampled">Documents in the sample.</param>
/// <param name="Annotated">Sampled documents with a parsed annotation (in <c>annotations/part-*.parquet</c>).</param>
/// <param name="Failures">Sampled documents without one, by reason (each in <c>annotations/failed-*.parquet</c>).</param>
/// <param name="Skipped">Documents of parts annotated by an earlier run (resumed).</param>
public sealed record AnnotateResult(string InputDir, long Documents, long Sampled, long Annotated, IReadOnlyDictionary<string, long> Failures, long Skipped)
{
    /// <summary>Sampled documents that got no annotation.</summary>
    public long Failed => Failures.Values.Sum();
}
