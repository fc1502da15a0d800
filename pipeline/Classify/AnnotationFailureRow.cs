using System.Text.Json.Serialization;
using Parquet.Serialization.Attributes;

namespace Corpus.Pipeline.Classify;

/// <summary>One row of <c>annotations/failed-*.parquet</c>: a sampled document that got no annotation, and why.</summary>
internal sealed class AnnotationFailureRow
{
    [JsonPropertyName("id")]
    [ParquetRequired]
    public string Id { get; set; } = string.Empty;

    [JsonPropertyName("model")]
    [ParquetRequired]
    public string Model { get; set; } = string.Empty;

    [JsonPropertyName("reason")]
    [ParquetRequired]
    public string Reason { get; set; } = string.Empty;

    [JsonPropertyName("response")]
    [ParquetRequired]
    public string Response { get; set; } = string.Empty;
}
