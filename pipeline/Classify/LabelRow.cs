using System.Text.Json.Serialization;
using Parquet.Serialization.Attributes;

namespace Corpus.Pipeline.Classify;

/// <summary>One row of <c>labels/part-*.parquet</c>: what the classifiers and the code detector say about a document.</summary>
internal sealed class LabelRow
{
    [JsonPropertyName("id")]
    [ParquetRequired]
    public string Id { get; set; } = string.Empty;

    [JsonPropertyName("edu_score")]
    public double EduScore { get; set; }

    [JsonPropertyName("domain")]
    [ParquetRequired]
    public string Domain { get; set; } = string.Empty;

    [JsonPropertyName("domain_score")]
    public double DomainScore { get; set; }

    [JsonPropertyName("code_kind")]
    [ParquetRequired]
    public string CodeKind { get; set; } = string.Empty;

    [JsonPropertyName("programming_language")]
    public string? ProgrammingLanguage { get; set; }
}
