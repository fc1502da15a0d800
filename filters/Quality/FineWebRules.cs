using Corpus.Filters.Languages;

namespace Corpus.Filters.Quality;

/// <summary>FineWeb's own rules (datatrove FineWebQualityFilter), run on the text the C4 rules kept.</summary>
internal static class FineWebRules
{
    public static void Check(string text, FineWebOptions o, LanguageProfile profile, RuleCheck check)
    {
        var lines = text.Split('\n').Where(l => l.Trim().Length > 0).ToList();
        check.Record("fineweb_empty", lines.Count, 1, lines.Count == 0);
        if (lines.Count == 0)
        {
            return;
        }

        var punct = (double)lines.Count(Punctuation.EndsWithTerminal) / lines.Count;
        check.Record("fineweb_line_punct_ratio", punct, o.MinLinePunctuationRatio, punct < o.MinLinePunctuationRatio);

        var shortLength = o.ShortLineLength ?? profile.ShortLineLength;
        var shortRatio = (double)lines.Count(l => l.Length <= shortLength) / lines.Count;
        check.Record("fineweb_short_line_ratio", shortRatio, o.MaxShortLineRatio, shortRatio > o.MaxShortLineRatio);

        var chars = Math.Max(text.Length - text.Count(c => c == '\n'), 1);
        var dup = (double)RepetitionRules.DuplicateStats(lines).Chars / chars;
        check.Record("fineweb_char_dup_ratio", dup, o.MaxDuplicateLineCharRatio, dup >= o.MaxDuplicateLineCharRatio);

        var words = Math.Max(WordSegmenter.Split(text, profile.Segmentation).Count, 1);
        var newlines = (double)text.Count(c => c == '\n') / words;
        check.Record("fineweb_list_ratio", newlines, o.MaxNewlineToWordRatio, newlines > o.MaxNewlineToWordRatio);
    }
}
