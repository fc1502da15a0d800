namespace Corpus.Synth.Engines;

/// <summary>What a <see cref="LlamaEngine"/> has done since it was loaded.</summary>
/// <param name="Requests">Requests completed (answered, failed or cancelled).</param>
/// <param name="PromptTokens">Prompt tokens decoded.</param>
/// <param name="GeneratedTokens">Tokens sampled.</param>
/// <param name="DecodeSteps">Calls to llama.cpp's decode, each one batch over every active sequence.</param>
/// <param name="MaxActiveSequences">The most sequences that were ever in one batch at once.</param>
/// <param name="DecodeTime">Time spent in llama.cpp's decode (the forward pass of every batch).</param>
/// <param name="SampleTime">Time spent after each decode: taking logits, sampling, detokenizing and finishing sequences.</param>
public sealed record LlamaEngineStatistics(long Requests, long PromptTokens, long GeneratedTokens, long DecodeSteps, int MaxActiveSequences, TimeSpan DecodeTime, TimeSpan SampleTime);
