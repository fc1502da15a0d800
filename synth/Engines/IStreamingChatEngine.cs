namespace Corpus.Synth.Engines;

/// <summary>A chat engine that can hand out an answer's text while it is generated.</summary>
public interface IStreamingChatEngine : IChatEngine
{
    /// <summary>
    /// Starts one conversation and returns its text as it comes. A request the engine refuses throws
    /// here, at once, as <see cref="IChatEngine.CompleteAsync"/> would.
    /// </summary>
    ChatStream Stream(ChatRequest request, CancellationToken ct = default);
}
