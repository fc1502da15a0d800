namespace Corpus.Filters.Classification;

/// <summary>What <see cref="DocumentClassifier"/> says about a document.</summary>
/// <param name="EduScore">Expected educational score, 0 to 5: the sum of each score times its predicted probability.</param>
/// <param name="Domain">The most probable domain (one of <see cref="ContentDomains.All"/> for models trained by <c>corpus classify train</c>).</param>
/// <param name="DomainScore">Its probability.</param>
public sealed record DocumentClassification(double EduScore, string Domain, double DomainScore);
