namespace Corpus.Shards.Reports;

/// <summary>One step of the funnel.</summary>
/// <param name="Phase">The phase, e.g. <c>filter</c> or <c>dedup</c>.</param>
/// <param name="Rule">The rule or reason, e.g. <c>gopher_repetition</c>.</param>
/// <param name="DocumentsRemoved">Documents the step removed.</param>
/// <param name="TokensRemoved">Their tokens; null when unknown (e.g. before tokenization).</param>
/// <param name="DocumentsRemaining">Documents left after the step.</param>
public sealed record FunnelStep(string Phase, string Rule, long DocumentsRemoved, long? TokensRemoved, long DocumentsRemaining);
