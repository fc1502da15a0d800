namespace Corpus.Synth.Engines;

/// <summary>A completion's text cut into Qwen3's reasoning and its answer.</summary>
/// <param name="Thinking">What the model wrote between <c>&lt;think&gt;</c> and <c>&lt;/think&gt;</c>, trimmed; null when it wrote no reasoning block.</param>
/// <param name="Answer">The rest: what follows <c>&lt;/think&gt;</c>, or the whole text when there is no reasoning block.</param>
internal sealed record ThinkingSplit(string? Thinking, string Answer);
