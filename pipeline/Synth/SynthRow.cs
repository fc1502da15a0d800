using System.Text.Json.Serialization;
using Corpus.Synth.Generation;
using Parquet.Serialization.Attributes;

namespace Corpus.Pipeline.Synth;

/// <summary>One row of <c>synth/part-*.parquet</c> (accepted samples) and one line of <c>rejects/synth-*.jsonl</c> (rejected ones): a <see cref="SynthSample"/> flattened.</summary>
internal sealed class SynthRow
{
    [JsonPropertyName("id")]
    [ParquetRequired]
    public string Id { get; set; } = string.Empty;

    [JsonPropertyName("task")]
    [ParquetRequired]
    public string Task { get; set; } = string.Empty;

    [JsonPropertyName("domain")]
    [ParquetRequired]
    public string Domain { get; set; } = string.Empty;

    [JsonPropertyName("prompt")]
    [ParquetRequired]
    public string Prompt { get; set; } = string.Empty;

    [JsonPropertyName("thinking")]
    public string? Thinking { get; set; }

    [JsonPropertyName("answer")]
    [ParquetRequired]
    public string Answer { get; set; } = string.Empty;

    [JsonPropertyName("verdict")]
    [ParquetRequired]
    public string Verdict { get; set; } = string.Empty;

    [JsonPropertyName("reason")]
    [ParquetRequired]
    public string Reason { get; set; } = string.Empty;

    [JsonPropertyName("model")]
    [ParquetRequired]
    public string Model { get; set; } = string.Empty;

    [JsonPropertyName("temperature")]
    public double? Temperature { get; set; }

    [JsonPropertyName("top_p")]
    public double? TopP { get; set; }

    [JsonPropertyName("top_k")]
    public int? TopK { get; set; }

    [JsonPropertyName("seed")]
    public long Seed { get; set; }

    [JsonPropertyName("max_tokens")]
    public int MaxTokens { get; set; }

    [JsonPropertyName("thinking_budget")]
    public int? ThinkingBudget { get; set; }

    [JsonPropertyName("prompt_tokens")]
    public int PromptTokens { get; set; }

    [JsonPropertyName("output_tokens")]
    public int OutputTokens { get; set; }

    [JsonPropertyName("seconds")]
    public double Seconds { get; set; }

    [JsonPropertyName("source")]
    [ParquetRequired]
    public string Source { get; set; } = "synth";

    [JsonPropertyName("problem_index")]
    public int ProblemIndex { get; set; }

    [JsonPropertyName("sample_index")]
    public int SampleIndex { get; set; }

    [JsonPropertyName("seed_id")]
    public string? SeedId { get; set; }

    [JsonPropertyName("finish_reason")]
    public string? FinishReason { get; set; }

    [JsonPropertyName("thinking_mode")]
    public bool ThinkingMode { get; set; }

    public static SynthRow From(SynthSample s) => new()
    {
        Id = s.Id,
        Task = s.Task,
        Domain = s.Domain,
        Prompt = s.Prompt,
        Thinking = s.Thinking,
        Answer = s.Answer,
        Verdict = s.Verdict,
        Reason = s.Reason,
        Model = s.Model,
        Temperature = s.Temperature,
        TopP = s.TopP,
        TopK = s.TopK,
        Seed = s.Seed,
        MaxTokens = s.MaxTokens,
        ThinkingBudget = s.ThinkingBudget,
        PromptTokens = s.PromptTokens,
        OutputTokens = s.OutputTokens,
        Seconds = s.Seconds,
        Source = s.Source,
        ProblemIndex = s.ProblemIndex,
        SampleIndex = s.SampleIndex,
        SeedId = s.SeedId,
        FinishReason = s.FinishReason,
        ThinkingMode = s.ThinkingMode,
    };

    /// <summary>Text bytes of a row, roughly, for sizing row groups.</summary>
    public static long SizeOf(SynthRow row) => (2L * (row.Prompt.Length + (row.Thinking?.Length ?? 0) + row.Answer.Length + row.Reason.Length)) + 256;
}
