namespace Corpus.Pipeline.Classify;

/// <summary>Progress of an annotation run, reported after each answer.</summary>
/// <param name="Done">Sampled documents answered so far (this run).</param>
/// <param name="Failed">Of those, how many got no annotation.</param>
/// <param name="Sampled">Sampled documents in the parts this run works on, as far as known.</param>
public sealed record AnnotateProgress(long Done, long Failed, long Sampled);
