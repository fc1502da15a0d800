namespace Corpus.Shards.Reports;

/// <summary>One domain in a stage.</summary>
/// <param name="Domain">The domain label, e.g. <c>math</c>.</param>
/// <param name="Documents">Documents of the domain in the stage.</param>
/// <param name="Tokens">Their tokens.</param>
/// <param name="Share">Their share of the stage's tokens (0..1).</param>
public sealed record DomainShare(string Domain, long Documents, long Tokens, double Share);
