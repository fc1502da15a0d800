namespace Corpus.Synth.Engines;

/// <summary>Tokens a request spent, as the server counted them (zeros when it did not report them).</summary>
/// <param name="PromptTokens">Tokens of the prompt.</param>
/// <param name="CompletionTokens">Tokens generated.</param>
public sealed record ChatTokenUsage(int PromptTokens, int CompletionTokens)
{
    /// <summary>No usage reported.</summary>
    public static ChatTokenUsage None { get; } = new(0, 0);

    /// <summary>Prompt and completion tokens together.</summary>
    public int TotalTokens => PromptTokens + CompletionTokens;
}
