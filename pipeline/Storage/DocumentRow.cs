using System.Text.Json.Serialization;
using Parquet.Serialization.Attributes;

namespace Corpus.Pipeline.Storage;

/// <summary>One row of a <c>docs/part-*.parquet</c> file: a <see cref="Core.Documents.Document"/> flattened for Parquet.</summary>
internal sealed class DocumentRow
{
    [JsonPropertyName("id")]
    [ParquetRequired]
    public string Id { get; set; } = string.Empty;

    [JsonPropertyName("source_uri")]
    [ParquetRequired]
    public string SourceUri { get; set; } = string.Empty;

    [JsonPropertyName("source_kind")]
    [ParquetRequired]
    public string SourceKind { get; set; } = string.Empty;

    [JsonPropertyName("content_type")]
    [ParquetRequired]
    public string ContentType { get; set; } = string.Empty;

    [JsonPropertyName("title")]
    public string? Title { get; set; }

    [JsonPropertyName("text")]
    [ParquetRequired]
    public string Text { get; set; } = string.Empty;

    [JsonPropertyName("language")]
    public string? Language { get; set; }

    [JsonPropertyName("scores")]
    public Dictionary<string, double> Scores { get; set; } = [];

    [JsonPropertyName("labels")]
    public Dictionary<string, string> Labels { get; set; } = [];

    [JsonPropertyName("metadata")]
    public Dictionary<string, string> Metadata { get; set; } = [];
}
