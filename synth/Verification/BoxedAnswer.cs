namespace Corpus.Synth.Verification;

/// <summary>Finds a math solution's final answer: the content of its last <c>\boxed{...}</c>.</summary>
public static class BoxedAnswer
{
    private const string Command = "\\boxed";

    /// <summary>
    /// The content of the last <c>\boxed{...}</c> of <paramref name="text"/> (braces nested to any depth,
    /// escaped braces skipped), or of the last <c>\boxed 5</c> (up to the next space or <c>$</c>), trimmed;
    /// null when there is none, or when the last one is cut off before its closing brace.
    /// </summary>
    public static string? ExtractLast(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var end = text.Length; end > 0;)
        {
            var at = text.LastIndexOf(Command, end - 1, StringComparison.Ordinal);
            if (at < 0)
            {
                return null;
            }

            var i = at + Command.Length;
            if (i < text.Length && char.IsAsciiLetter(text[i]))
            {
                end = at;
                continue;
            }

            while (i < text.Length && text[i] is ' ' or '\t')
            {
                i++;
            }

            return i < text.Length && text[i] == '{' ? Braced(text, i) : Bare(text, i);
        }

        return null;
    }

    private static string? Braced(string text, int open)
    {
        var depth = 0;
        for (var j = open; j < text.Length; j++)
        {
            switch (text[j])
            {
                case '\\':
                    j++;
                    break;
                case '{':
                    depth++;
                    break;
                case '}' when --depth == 0:
                    var content = text[(open + 1)..j].Trim();
                    return content.Length == 0 ? null : content;
            }
        }

        return null;
    }

    private static string? Bare(string text, int start)
    {
        var end = start;
        while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] != '$')
        {
            end++;
        }

        return end == start ? null : text[start..end];
    }
}
