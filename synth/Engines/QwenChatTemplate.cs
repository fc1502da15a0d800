using System.Text;

namespace Corpus.Synth.Engines;

/// <summary>
/// Qwen3's chat template (ChatML) without tools, as its tokenizer_config.json renders it:
/// <c>&lt;|im_start|&gt;role\ncontent&lt;|im_end|&gt;\n</c> per message, earlier assistant turns without
/// their reasoning, then the generation prompt <c>&lt;|im_start|&gt;assistant\n</c>, followed by the empty
/// <c>&lt;think&gt;\n\n&lt;/think&gt;\n\n</c> block when thinking is off.
/// </summary>
internal static class QwenChatTemplate
{
    public static string Render(IReadOnlyList<ChatMessage> messages, bool enableThinking)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var text = new StringBuilder();
        foreach (var message in messages)
        {
            string content = message.Role == "assistant" ? WithoutReasoning(message.Content) : message.Content;
            text.Append("<|im_start|>").Append(message.Role).Append('\n').Append(content).Append("<|im_end|>\n");
        }

        text.Append("<|im_start|>assistant\n");
        if (!enableThinking)
        {
            text.Append("<think>\n\n</think>\n\n");
        }

        return text.ToString();
    }

    /// <summary>An earlier assistant turn keeps only what follows its <c>&lt;/think&gt;</c>, as the template does.</summary>
    private static string WithoutReasoning(string content)
    {
        int end = content.LastIndexOf("</think>", StringComparison.Ordinal);
        return end < 0 ? content : content[(end + "</think>".Length)..].TrimStart('\n');
    }
}
