using System.Text.Json.Serialization;
using Parquet.Serialization.Attributes;

namespace Corpus.Pipeline.Classify;

/// <summary>One row of <c>annotations/part-*.parquet</c>: a document the model annotated.</summary>
internal sealed class AnnotationRow
{
    [JsonPropertyName("id")]
    [ParquetRequired]
    public string Id { get; set; } = string.Empty;

    [JsonPropertyName("edu_score")]
    public int EduScore { get; set; }

    [JsonPropertyName("domain")]
    [ParquetRequired]
    public string Domain { get; set; } = string.Empty;

    [JsonPropertyName("model")]
    [ParquetRequired]
    public string Model { get; set; } = string.Empty;

    [JsonPropertyName("response")]
    [ParquetRequired]
    public string Response { get; set; } = string.Empty;
}
