using Corpus.Core.Text;

namespace Corpus.Filters.Normalization;

/// <summary>
/// Cleans text before it is judged: mojibake repaired, NFC, control characters removed (newline and tab kept),
/// whitespace runs collapsed, lines trimmed at the end, at most one blank line in a row.
/// </summary>
public static class TextNormalizer
{
    /// <summary>Returns the normalized text.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var repaired = text;
        for (var pass = 0; pass < 3; pass++)
        {
            // Text garbled twice ("Ã©" read again as cp1252: "ÃƒÂ©") needs a second pass; three is the most tried.
            var next = Mojibake.Repair(repaired);
            if (ReferenceEquals(next, repaired))
            {
                break;
            }

            repaired = next;
        }

        var nfc = Nfc.Normalize(repaired);
        return CleanWhitespace(nfc);
    }

    /// <summary>
    /// Collapses whitespace into a pooled buffer (the result is never longer than the input) and returns
    /// the input itself when nothing changed, so clean text costs no allocation.
    /// </summary>
    private static string CleanWhitespace(string text)
    {
        var buffer = System.Buffers.ArrayPool<char>.Shared.Rent(Math.Max(text.Length, 1));
        try
        {
            var length = 0;
            var pending = '\0'; // the whitespace owed before the next visible character: ' ' or '\t'
            var newlines = 0;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    continue;
                }

                if (c is '\n' or '\r' or '\u2028' or '\u2029' or '\u0085')
                {
                    pending = '\0';
                    newlines++;
                    continue;
                }

                if (IsRemoved(c))
                {
                    continue;
                }

                if (c == '\t' || char.IsWhiteSpace(c))
                {
                    pending = c == '\t' || pending == '\t' ? '\t' : ' ';
                    continue;
                }

                FlushNewlines(buffer, ref length, ref newlines);
                if (pending != '\0' && (length > 0 || pending == '\t'))
                {
                    buffer[length++] = pending;
                }

                pending = '\0';
                buffer[length++] = c;
            }

            var cleaned = buffer.AsSpan(0, length).Trim(" \n");
            return cleaned.SequenceEqual(text) ? text : new string(cleaned);
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static void FlushNewlines(char[] buffer, ref int length, ref int newlines)
    {
        if (newlines == 0)
        {
            return;
        }

        while (length > 0 && buffer[length - 1] is ' ' or '\t')
        {
            length--;
        }

        if (length > 0)
        {
            buffer[length++] = '\n';
            if (newlines > 1)
            {
                buffer[length++] = '\n';
            }
        }

        newlines = 0;
    }

    /// <summary>C0/C1 controls other than tab and newline, zero-width space, BOM, soft hyphen. ZWJ/ZWNJ stay: scripts need them.</summary>
    private static bool IsRemoved(char c) =>
        (char.IsControl(c) && c is not ('\t' or '\n')) || c is '\u200B' or '\uFEFF' or '\u00AD';
}
