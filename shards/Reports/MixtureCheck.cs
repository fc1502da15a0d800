namespace Corpus.Shards.Reports;

/// <summary>One group of one mixture dimension in a stage: the configured share against the measured one.</summary>
/// <param name="Dimension"><c>language</c>, <c>domain</c>, <c>source</c> or <c>length</c>.</param>
/// <param name="Group">The group within the dimension, e.g. <c>eng_Latn</c> or <c>math</c>.</param>
/// <param name="TargetShare">The configured share of the stage's tokens (0..1); null when the config names none.</param>
/// <param name="MeasuredShare">The share of the stage's tokens the group got (0..1).</param>
/// <param name="AvailableTokens">Eligible tokens of the group before sampling.</param>
/// <param name="Met">Whether the target was met (true when there is no target).</param>
/// <param name="Note">Why not, or how: e.g. "no data", "capped at 4 epochs"; empty when nothing to say.</param>
public sealed record MixtureCheck(string Dimension, string Group, double? TargetShare, double MeasuredShare, long AvailableTokens, bool Met, string Note);
