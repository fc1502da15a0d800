namespace Corpus.Synth.Engines;

/// <summary>
/// Qwen3's soft switches: <c>/think</c> or <c>/no_think</c> in a user or system message turns thinking
/// on or off from that turn, and the most recent one in the conversation wins, as Qwen3 is trained to
/// follow them. The engines honour them when a request leaves <see cref="ChatRequest.EnableThinking"/>
/// unset, so the switch holds whatever the model (a tiny random one included).
/// </summary>
internal static class ThinkingSwitch
{
    private const string On = "/think";
    private const string Off = "/no_think";

    /// <summary>Whether a request thinks: <see cref="ChatRequest.EnableThinking"/>, else its latest soft switch, else yes (Qwen3's default).</summary>
    public static bool Resolve(ChatRequest request) => request.EnableThinking ?? Of(request.Messages) ?? true;

    /// <summary>The latest soft switch in the user and system messages: true for <c>/think</c>, false for <c>/no_think</c>, null when none.</summary>
    public static bool? Of(IReadOnlyList<ChatMessage> messages)
    {
        for (int m = messages.Count - 1; m >= 0; m--)
        {
            if (messages[m].Role is "user" or "system" && Last(messages[m].Content) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>The last switch in one text, standing as a word of its own (start or whitespace before, end, whitespace or punctuation after).</summary>
    private static bool? Last(string text)
    {
        for (int at = text.LastIndexOf('/'); at >= 0; at = at == 0 ? -1 : text.LastIndexOf('/', at - 1))
        {
            if (at > 0 && !char.IsWhiteSpace(text[at - 1]))
            {
                continue;
            }

            if (IsSwitch(text, at, Off))
            {
                return false;
            }

            if (IsSwitch(text, at, On))
            {
                return true;
            }
        }

        return null;
    }

    private static bool IsSwitch(string text, int at, string word)
    {
        if (string.CompareOrdinal(text, at, word, 0, word.Length) != 0)
        {
            return false;
        }

        int end = at + word.Length;
        return end == text.Length || char.IsWhiteSpace(text[end]) || (char.IsPunctuation(text[end]) && text[end] != '_' && text[end] != '/');
    }
}
