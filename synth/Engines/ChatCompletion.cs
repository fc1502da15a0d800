namespace Corpus.Synth.Engines;

/// <summary>A model's answer.</summary>
/// <param name="Text">The assistant message's text.</param>
/// <param name="FinishReason">Why generation ended, as the server says it (<c>stop</c>, <c>length</c>, …); null when it did not say.</param>
/// <param name="Usage">Tokens spent.</param>
public sealed record ChatCompletion(string Text, string? FinishReason, ChatTokenUsage Usage);
