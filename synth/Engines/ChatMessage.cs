namespace Corpus.Synth.Engines;

/// <summary>One message of a conversation.</summary>
/// <param name="Role">The speaker: <c>system</c>, <c>user</c> or <c>assistant</c>.</param>
/// <param name="Content">The message text.</param>
public sealed record ChatMessage(string Role, string Content)
{
    /// <summary>A system message.</summary>
    public static ChatMessage System(string content) => new("system", content);

    /// <summary>A user message.</summary>
    public static ChatMessage User(string content) => new("user", content);

    /// <summary>An assistant message (for few-shot turns).</summary>
    public static ChatMessage Assistant(string content) => new("assistant", content);
}
