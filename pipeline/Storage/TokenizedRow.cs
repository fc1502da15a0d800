using System.Text.Json.Serialization;
using Parquet.Serialization.Attributes;

namespace Corpus.Pipeline.Storage;

/// <summary>One row of <c>tokens/part-NNNNN.parquet</c>: a kept document's labels and its token ids, end-of-text included.</summary>
internal sealed class TokenizedRow
{
    [JsonPropertyName("id")]
    [ParquetRequired]
    public string Id { get; set; } = string.Empty;

    [JsonPropertyName("language")]
    [ParquetRequired]
    public string Language { get; set; } = string.Empty;

    [JsonPropertyName("domain")]
    [ParquetRequired]
    public string Domain { get; set; } = string.Empty;

    [JsonPropertyName("source")]
    [ParquetRequired]
    public string Source { get; set; } = string.Empty;

    [JsonPropertyName("edu_score")]
    public double? EduScore { get; set; }

    [JsonPropertyName("tokens")]
    public int[] Tokens { get; set; } = [];
}
