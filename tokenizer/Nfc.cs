using System.Text;

namespace Corpus.Tokenizer;

/// <summary>Unicode NFC for the normalizer step, with a fast path for text that is already NFC.</summary>
internal static class Nfc
{
    /// <summary>Returns <paramref name="text"/> in NFC, or null when it already is.</summary>
    public static string? NormalizeIfNeeded(ReadOnlySpan<char> text)
    {
        if (System.Text.Ascii.IsValid(text))
        {
            return null;
        }

        string value = text.ToString();
        try
        {
            return value.IsNormalized(NormalizationForm.FormC) ? null : value.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            // Lone surrogates: .NET refuses to normalize them; UTF-8 would carry them as U+FFFD anyway.
            string repaired = ReplaceLoneSurrogates(value);
            return repaired.Normalize(NormalizationForm.FormC);
        }
    }

    private static string ReplaceLoneSurrogates(string value)
    {
        var builder = new StringBuilder(value.Length);
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                builder.Append(c).Append(value[++i]);
            }
            else
            {
                builder.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
            }
        }

        return builder.ToString();
    }
}
