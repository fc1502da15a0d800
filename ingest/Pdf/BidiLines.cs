using System.Text;
using UglyToad.PdfPig.Content;

namespace Corpus.Ingest.Pdf;

/// <summary>
/// Right-to-left text in logical order. PDF letters come with their positions on the page, which is visual order;
/// a word whose letters are mostly right-to-left (Hebrew, Arabic, Syriac, Thaana, N'Ko) is read right to left,
/// and a line whose words are mostly right-to-left has its words reversed. Left-to-right runs inside a
/// right-to-left line keep their own order (each word is ordered on its own).
/// </summary>
internal static class BidiLines
{
    public static bool IsRtl(char c) =>
        c is >= '\u0590' and <= '\u08FF' or >= '\uFB1D' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF';

    public static bool IsMostlyRtl(string text)
    {
        int rtl = 0, ltr = 0;
        foreach (var c in text)
        {
            if (IsRtl(c))
            {
                rtl++;
            }
            else if (char.IsLetter(c))
            {
                ltr++;
            }
        }

        return rtl > ltr;
    }

    /// <summary>The word's text in logical order; <paramref name="frame"/> is the frame its line is read in.</summary>
    public static string WordText(Word word, TextFrame frame)
    {
        if (!IsMostlyRtl(word.Text))
        {
            return word.Text;
        }

        // Rightmost glyph first; a mark over its base ends at or before the base's right edge, so it follows it.
        var ordered = word.Letters
            .Select((l, i) => (Letter: l, Index: i))
            .OrderByDescending(x => Math.Round(frame.Box(x.Letter.BoundingBox).Right, 2))
            .ThenBy(x => x.Index);
        var sb = new StringBuilder(word.Text.Length);
        foreach (var (letter, _) in ordered)
        {
            sb.Append(letter.Value);
        }

        return sb.ToString();
    }

    /// <summary>Joins a line's word texts (given left to right) in logical order.</summary>
    public static string JoinLine(IReadOnlyList<string> wordsLeftToRight)
    {
        var text = string.Join(' ', wordsLeftToRight);
        return IsMostlyRtl(text) ? string.Join(' ', wordsLeftToRight.Reverse()) : text;
    }
}
