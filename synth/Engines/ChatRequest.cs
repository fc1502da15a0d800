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

    /// <summary>Nucleus sampling: keep the most likely tokens whose probabilities add up to this; null leaves the engine's default.</summary>
    public double? TopP { get; init; }

    /// <summary>Keep only this many most likely tokens; null leaves the engine's default.</summary>
    public int? TopK { get; init; }

    /// <summary>Drop tokens less likely than this fraction of the most likely one; null leaves the engine's default.</summary>
    public double? MinP { get; init; }

    /// <summary>Divides the logits of tokens already generated (1 is none); null leaves the engine's default.</summary>
    public double? RepetitionPenalty { get; init; }

    /// <summary>Subtracted from the logits of tokens already generated (0 is none); null leaves the engine's default.</summary>
    public double? PresencePenalty { get; init; }

    /// <summary>
    /// Qwen3's hybrid thinking: false renders the chat template's empty <c>&lt;think&gt;</c> block so the
    /// model answers at once (sent to servers as <c>chat_template_kwargs.enable_thinking</c>); null leaves
    /// it to the conversation's latest soft switch (<c>/think</c> or <c>/no_think</c> in a user or system
    /// message), and without one to the model's default (Qwen3 thinks).
    /// </summary>
    public bool? EnableThinking { get; init; }

    /// <summary>
    /// Most tokens of thinking, when thinking is on; null for no limit. Past it the engine closes the
    /// reasoning itself (<c>\n&lt;/think&gt;\n\n</c>) and lets the model answer; <see cref="MaxTokens"/> still
    /// bounds thinking and answer together. Ignored when <see cref="EnableThinking"/> is false.
    /// </summary>
    public int? ThinkingBudget { get; init; }

    /// <summary>
    /// A prompt sent as it is, without the chat template (special tokens such as <c>&lt;|im_start|&gt;</c>
    /// parsed): <see cref="LlamaEngine"/> decodes it directly and <see cref="OpenAiCompatibleEngine"/> posts it
    /// to <c>/v1/completions</c>. Used to continue a reasoning the engine closed itself; null: render
    /// <see cref="Messages"/>.
    /// </summary>
    internal string? RawPrompt { get; init; }
}
