namespace Corpus.Shards.Reports;

/// <summary>The domain mix of one stage.</summary>
public sealed record StageDomains(string Stage, IReadOnlyList<DomainShare> Domains);
