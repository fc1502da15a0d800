namespace Corpus.Synth.Engines;

/// <summary>
/// Splits completions the way Qwen3's reasoning parsers do: everything before the first
/// <c>&lt;/think&gt;</c> is thinking (an opening <c>&lt;think&gt;</c>, when present, left out), everything after
/// it is the answer. A text that opens <c>&lt;think&gt;</c> and never closes it is all thinking and no answer;
/// a text with neither tag is all answer.
/// </summary>
internal static class ThinkingText
{
    public const string Open = "<think>";
    public const string Close = "</think>";

    /// <summary>What the engines append to close reasoning that ran past its budget.</summary>
    public const string ForcedClose = "\n</think>\n\n";

    public static ThinkingSplit Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int close = text.IndexOf(Close, StringComparison.Ordinal);
        if (close >= 0)
        {
            return new ThinkingSplit(ThinkingOf(text.AsSpan(0, close)), text[(close + Close.Length)..].TrimStart());
        }

        var trimmed = text.AsSpan().TrimStart();
        return trimmed.StartsWith(Open, StringComparison.Ordinal)
            ? new ThinkingSplit(ThinkingOf(trimmed), string.Empty)
            : new ThinkingSplit(null, text.Trim());
    }

    /// <summary>The reasoning in text that precedes <c>&lt;/think&gt;</c> (or all of it, when unclosed): without the opening tag, trimmed.</summary>
    public static string ThinkingOf(ReadOnlySpan<char> beforeClose)
    {
        var t = beforeClose.TrimStart();
        if (t.StartsWith(Open, StringComparison.Ordinal))
        {
            t = t[Open.Length..];
        }

        return t.Trim().ToString();
    }
}
