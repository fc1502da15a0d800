using System.Text;

namespace Corpus.Ingest.Pdf;

/// <summary>
/// Writes blocks as text: one paragraph per block, paragraphs separated by a blank line. Inside a block, a line
/// that fills the block's width is joined to the next with a space (reflowed prose); a line that ends short of it
/// (under <see cref="FullLine"/> of the width: a list item, a table row, a verse) keeps its line break. Words broken
/// at a line end are repaired (<see cref="Hyphenation"/>), also across blocks, columns and pages.
/// </summary>
internal static class ParagraphWriter
{
    public const double FullLine = 0.8;

    public static string Write(IReadOnlyList<PageLayout> pages)
    {
        var blocks = pages.SelectMany(p => p.Blocks).ToList();
        var words = DocumentWords.Of(blocks.SelectMany(b => b.Lines));
        var sb = new StringBuilder();
        string? previous = null;
        foreach (var block in blocks)
        {
            for (var i = 0; i < block.Lines.Count; i++)
            {
                var line = block.Lines[i];
                var text = Clean(line.Text);
                if (text.Length == 0)
                {
                    continue;
                }

                if (previous is not null)
                {
                    var joint = Hyphenation.Classify(previous, text, words);
                    if (i == 0 && joint == Hyphenation.Joint.KeepHyphen)
                    {
                        joint = Hyphenation.Joint.None; // across blocks only a word broken in lower case is joined
                    }

                    if (joint == Hyphenation.Joint.DropHyphen)
                    {
                        sb.Length--;
                    }
                    else if (joint == Hyphenation.Joint.None)
                    {
                        sb.Append(i == 0 ? "\n\n" : Separator(block, block.Lines[i - 1]));
                    }
                }

                sb.Append(text);
                previous = text;
            }
        }

        return sb.ToString();
    }

    private static string Separator(PdfBlock block, PdfLine line)
    {
        var width = block.Right - block.Left;
        return block.KeepLines ? "\n" : width <= 0 || line.Right - block.Left >= FullLine * width ? " " : "\n";
    }

    /// <summary>Collapses runs of white space to one space and trims.</summary>
    private static string Clean(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (sb.Length > 0 && sb[^1] != ' ')
                {
                    sb.Append(' ');
                }
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString().TrimEnd();
    }
}
