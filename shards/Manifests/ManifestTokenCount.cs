namespace Corpus.Shards.Manifests;

/// <summary>Documents and tokens of one (stage, split, language, domain, source) combination; a document copied twice counts twice.</summary>
/// <param name="Stage">Pre-training stage, e.g. <c>s1</c>.</param>
/// <param name="Language">Language in the <c>eng_Latn</c> form.</param>
/// <param name="Domain">Domain label.</param>
/// <param name="Source">Source kind name.</param>
/// <param name="Documents">Number of documents.</param>
/// <param name="Tokens">Number of tokens.</param>
public sealed record ManifestTokenCount(string Stage, string Language, string Domain, string Source, long Documents, long Tokens)
{
    /// <summary>The stage's split: <c>train</c> (the default) or <c>valid</c> (held-out documents).</summary>
    public string Split { get; init; } = "train";
}
