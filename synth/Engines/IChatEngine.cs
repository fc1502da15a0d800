namespace Corpus.Synth.Engines;

/// <summary>
/// A chat model behind one call: messages in, the assistant's answer out. Engines are safe to call
/// concurrently; each bounds how many requests it has in flight itself.
/// </summary>
public interface IChatEngine
{
    /// <summary>Completes one conversation. Failures that survive the engine's retries throw <see cref="ChatEngineException"/>.</summary>
    Task<ChatCompletion> CompleteAsync(ChatRequest request, CancellationToken ct = default);
}
