using System.Text.Json.Serialization;
using Parquet.Serialization.Attributes;

namespace Corpus.Pipeline.Storage;

/// <summary>One row of a <c>rejects/part-*.parquet</c> file.</summary>
internal sealed class RejectRow
{
    [JsonPropertyName("id")]
    [ParquetRequired]
    public string Id { get; set; } = string.Empty;

    [JsonPropertyName("url")]
    [ParquetRequired]
    public string Url { get; set; } = string.Empty;

    [JsonPropertyName("phase")]
    [ParquetRequired]
    public string Phase { get; set; } = string.Empty;

    [JsonPropertyName("reason")]
    [ParquetRequired]
    public string Reason { get; set; } = string.Empty;

    [JsonPropertyName("detail")]
    [ParquetRequired]
    public string Detail { get; set; } = string.Empty;

    /// <summary>Tokens of the rejected text (end-of-text included), where the phase had text to count; null otherwise.</summary>
    [JsonPropertyName("tokens")]
    public long? Tokens { get; set; }
}
