namespace Corpus.Shards.Reports;

/// <summary>The report's header: what was built, from what, and how much.</summary>
/// <param name="Title">The report's title, e.g. the build's name.</param>
/// <param name="ConfigSha256">SHA-256 (hex) of the build's configuration, as in manifest.json.</param>
/// <param name="TokenizerSha256">SHA-256 (hex) of the tokenizer file, as in manifest.json.</param>
/// <param name="Seed">The build's seed.</param>
/// <param name="Totals">Documents and tokens of the whole build, equal to manifest.json's totals.</param>
public sealed record ReportHeader(string Title, string ConfigSha256, string TokenizerSha256, long Seed, ReportTotals Totals);
