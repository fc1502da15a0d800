using System.Globalization;
using System.Text;

namespace Corpus.Filters.Languages;

/// <summary>Cuts text into word tokens; punctuation and symbols become tokens of their own.</summary>
internal static class WordSegmenter
{
    public static List<string> Split(string text, Segmentation segmentation)
    {
        var ranges = new Quality.TextRanges();
        Segment(text, segmentation, ranges);
        var words = new List<string>(ranges.Count);
        for (var w = 0; w < ranges.Count; w++)
        {
            words.Add(text.Substring(ranges.Start(w), ranges.Length(w)));
        }

        return words;
    }

    /// <summary>The tokens <see cref="Split"/> gives, as slices of <paramref name="text"/> in <paramref name="words"/> (cleared first): no string per token.</summary>
    public static void Segment(ReadOnlySpan<char> text, Segmentation segmentation, Quality.TextRanges words)
    {
        // Every token is a contiguous slice of the text: [start, i).
        words.Clear();
        var start = -1;
        var i = 0;

        while (i < text.Length)
        {
            var rune = RuneAt(text, i);
            var category = Rune.GetUnicodeCategory(rune);
            var width = rune.Utf16SequenceLength;
            if (Rune.IsWhiteSpace(rune) || category is UnicodeCategory.Control or UnicodeCategory.Format)
            {
                Flush(words, ref start, i);
            }
            else if (IsPunctuationOrSymbol(category) && !IsInnerJoiner(text, i, rune, start >= 0))
            {
                Flush(words, ref start, i);
                var end = i + width;
                while (width == 1 && end < text.Length && text[end] == text[i])
                {
                    end++; // a run of one mark ("...", "!!!", "###") is one token
                }

                words.Add(i, end - i);
                i = end;
                continue;
            }
            else if (segmentation == Segmentation.Characters && IsHanOrKana(rune.Value))
            {
                Flush(words, ref start, i);
                words.Add(i, width);
            }
            else if (segmentation == Segmentation.Syllables && IsClusterScript(rune.Value))
            {
                var isMark = category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
                var continues = isMark || IsClusterContinuation(rune.Value) || (start >= 0 && text[i - 1] is '\u17D2' or '\u1039');
                if (!continues || start < 0 || !IsClusterScript(text[i - 1]))
                {
                    Flush(words, ref start, i);
                }

                start = start < 0 ? i : start;
            }
            else
            {
                if (start >= 0 && segmentation != Segmentation.Spaces && IsClusterOrHan(text[i - 1]))
                {
                    Flush(words, ref start, i);
                }

                start = start < 0 ? i : start;
            }

            i += width;
        }

        Flush(words, ref start, i);
    }

    private static void Flush(Quality.TextRanges words, ref int start, int end)
    {
        if (start >= 0)
        {
            words.Add(start, end - start);
            start = -1;
        }
    }

    /// <summary>A token made only of punctuation and symbols (datatrove's "symbol word").</summary>
    public static bool IsSymbolWord(string word) => IsSymbolWord(word.AsSpan());

    /// <summary>A token made only of punctuation and symbols.</summary>
    public static bool IsSymbolWord(ReadOnlySpan<char> word)
    {
        foreach (var rune in word.EnumerateRunes())
        {
            if (!IsPunctuationOrSymbol(Rune.GetUnicodeCategory(rune)))
            {
                return false;
            }
        }

        return true;
    }

    public static bool HasLetter(string word) => HasLetter(word.AsSpan());

    public static bool HasLetter(ReadOnlySpan<char> word)
    {
        foreach (var rune in word.EnumerateRunes())
        {
            if (Rune.IsLetter(rune))
            {
                return true;
            }
        }

        return false;
    }

    public static int LengthInRunes(string word) => LengthInRunes(word.AsSpan());

    public static int LengthInRunes(ReadOnlySpan<char> word)
    {
        var n = 0;
        foreach (var _ in word.EnumerateRunes())
        {
            n++;
        }

        return n;
    }

    private static bool IsPunctuationOrSymbol(UnicodeCategory c) => c is
        UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation
        or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation
        or UnicodeCategory.OtherPunctuation or UnicodeCategory.MathSymbol or UnicodeCategory.CurrencySymbol
        or UnicodeCategory.ModifierSymbol or UnicodeCategory.OtherSymbol;

    /// <summary>An apostrophe, hyphen, period or comma between two letters or digits stays inside the word (don't, e-mail, 3.14).</summary>
    private static bool IsInnerJoiner(ReadOnlySpan<char> text, int i, Rune rune, bool inWord)
    {
        if (!inWord || i + 1 >= text.Length || rune.Value is not ('\'' or '’' or '-' or '.' or ',' or '_'))
        {
            return false;
        }

        var next = RuneAt(text, i + 1);
        var prev = text[i - 1];
        if (rune.Value is '.' or ',')
        {
            return char.IsDigit(prev) && Rune.IsDigit(next);
        }

        return Rune.IsLetterOrDigit(next) && char.IsLetterOrDigit(prev);
    }

    private static bool IsHanOrKana(int cp) =>
        cp is (>= 0x3040 and <= 0x30FF) or (>= 0x3400 and <= 0x4DBF) or (>= 0x4E00 and <= 0x9FFF)
            or (>= 0xF900 and <= 0xFAFF) or (>= 0x20000 and <= 0x3FFFF) or 0x3005;

    private static bool IsClusterScript(int cp) =>
        cp is (>= 0x0E00 and <= 0x0EFF) or (>= 0x1780 and <= 0x17FF) or (>= 0x19E0 and <= 0x19FF) or (>= 0x1000 and <= 0x109F);

    /// <summary>Characters that attach to the preceding base though not marks: Thai/Lao SARA AM, Khmer coeng, Burmese asat and medials.</summary>
    private static bool IsClusterContinuation(int cp) =>
        cp is 0x0E33 or 0x0EB3 or 0x17D2 or 0x103A or (>= 0x103B and <= 0x103E) or 0x1039;

    private static bool IsClusterOrHan(char c) => IsClusterScript(c) || IsHanOrKana(c);

    /// <summary>The code point at <paramref name="index"/>; a lone surrogate reads as U+FFFD (one char wide) instead of throwing.</summary>
    private static Rune RuneAt(ReadOnlySpan<char> text, int index) =>
        Rune.DecodeFromUtf16(text[index..], out var rune, out var consumed) == System.Buffers.OperationStatus.Done
            ? rune
            : consumed <= 1 ? Rune.ReplacementChar : rune;
}
