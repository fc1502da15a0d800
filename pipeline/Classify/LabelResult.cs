namespace Corpus.Pipeline.Classify;

/// <summary>How a labelling run ended.</summary>
/// <param name="InputDir">The folder the documents were read from.</param>
/// <param name="Documents">Documents labelled (including parts labelled by an earlier run).</param>
/// <param name="Domains">Documents per domain.</param>
/// <param name="MeanEduScore">Mean expected educational score.</param>
/// <param name="CodeKinds">Documents per code kind (<c>prose</c>, <c>prose-with-code</c>, <c>code</c>).</param>
public sealed record LabelResult(string InputDir, long Documents, IReadOnlyDictionary<string, long> Domains, double MeanEduScore, IReadOnlyDictionary<string, long> CodeKinds);
