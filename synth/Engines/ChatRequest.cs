namespace Corpus.Synth.Engines;

/// <summary>What to ask a chat model.</summary>
public sealed record ChatRequest
{
    /// <summary>The model name the server knows it by (e.g. <c>Qwen/Qwen3-8B</c>).</summary>
    public required string Model { get; init; }

    /// <summary>The conversation so far; the model answers the last message.</summary>
    public required IReadOnlyList<ChatMessage> Messages { get; init; }

    /// <summary>Sampling temperature; null leaves the server's default.</summary>
    public double? Temperature { get; init; }

    /// <summary>Most tokens to generate; null leaves the server's default.</summary>
    public int? MaxTokens { get; init; }

    /// <summary>Sampling seed, for servers that honour it; null for none.</summary>
    public long? Seed { get; init; }

    /// <summary>Strings that end generation (not included in the answer).</summary>
    public IReadOnlyList<string> Stop { get; init; } = [];
}
