using Corpus.Filters.Languages;

namespace Corpus.Filters.Quality;

/// <summary>FineWeb's own rules (datatrove FineWebQualityFilter), run on the text the C4 rules kept.</summary>
internal static class FineWebRules
{
    public static void Check(string text, FineWebOptions o, LanguageProfile profile, RuleCheck check, QualityScratch scratch)
    {
        // The lines that are not blank, as they are (not trimmed).
        var span = text.AsSpan();
        var all = scratch.Pieces;
        all.SplitOn(span, '\n');
        var lines = scratch.LineWords;
        lines.Clear();
        for (var i = 0; i < all.Count; i++)
        {
            if (!all.Slice(span, i).IsWhiteSpace())
            {
                lines.Add(all.Start(i), all.Length(i));
            }
        }

        check.Record("fineweb_empty", lines.Count, 1, lines.Count == 0);
        if (lines.Count == 0)
        {
            return;
        }

        var shortLength = o.ShortLineLength ?? profile.ShortLineLength;
        var (punctuated, shortLines) = (0, 0);
        for (var i = 0; i < lines.Count; i++)
        {
            punctuated += Punctuation.EndsWithTerminal(lines.Slice(span, i)) ? 1 : 0;
            shortLines += lines.Length(i) <= shortLength ? 1 : 0;
        }

        var punct = (double)punctuated / lines.Count;
        check.Record("fineweb_line_punct_ratio", punct, o.MinLinePunctuationRatio, punct < o.MinLinePunctuationRatio);

        var shortRatio = (double)shortLines / lines.Count;
        check.Record("fineweb_short_line_ratio", shortRatio, o.MaxShortLineRatio, shortRatio > o.MaxShortLineRatio);

        var newlineCount = span.Count('\n');
        var chars = Math.Max(text.Length - newlineCount, 1);
        var dup = (double)scratch.Set.DuplicateStats(text, lines).Chars / chars;
        check.Record("fineweb_char_dup_ratio", dup, o.MaxDuplicateLineCharRatio, dup >= o.MaxDuplicateLineCharRatio);

        WordSegmenter.Segment(span, profile.Segmentation, scratch.Words);
        var words = Math.Max(scratch.Words.Count, 1);
        var newlines = (double)newlineCount / words;
        check.Record("fineweb_list_ratio", newlines, o.MaxNewlineToWordRatio, newlines > o.MaxNewlineToWordRatio);
    }
}
