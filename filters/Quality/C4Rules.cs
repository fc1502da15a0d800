using System.Text;
using System.Text.RegularExpressions;
using Corpus.Filters.Languages;

namespace Corpus.Filters.Quality;

/// <summary>
/// C4 (Raffel et al. 2020, as datatrove's C4QualityFilter applies it): lines are dropped for missing terminal punctuation,
/// too few words, a word over the length limit, "javascript" or policy text; the document is rejected for lorem ipsum,
/// a curly bracket, or too few sentences in the lines kept.
/// </summary>
internal static partial class C4Rules
{
    private static readonly string[] PolicySubstrings =
        ["terms of use", "privacy policy", "cookie policy", "uses cookies", "use of cookies", "use cookies"];

    public static string Check(string text, C4Options o, LanguageProfile profile, RuleCheck check)
    {
        var kept = new StringBuilder();
        var (sentences, dropped, lorem, curly) = (0, 0, 0.0, 0.0);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            var lower = line.ToLowerInvariant();
            var spaced = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (o.MaxWordLength >= 0 && spaced.Any(w => w.Length > o.MaxWordLength))
            {
                dropped++;
                continue;
            }

            if (o.RemoveCitations)
            {
                line = Citation().Replace(line, string.Empty);
            }

            if (o.DropLinesWithoutTerminalPunctuation && (!Punctuation.EndsWithTerminal(line) || line.EndsWith("...", StringComparison.Ordinal)))
            {
                dropped++;
                continue;
            }

            var wordCount = profile.Segmentation == Segmentation.Spaces
                ? spaced.Length
                : WordSegmenter.Split(line, profile.Segmentation).Count(w => !WordSegmenter.IsSymbolWord(w));
            if (wordCount < o.MinWordsPerLine)
            {
                dropped++;
                continue;
            }

            if (o.RejectLoremIpsum && lower.Contains("lorem ipsum", StringComparison.Ordinal))
            {
                lorem = 1;
            }

            if (o.DropJavascriptLines && lower.Contains("javascript", StringComparison.Ordinal))
            {
                dropped++;
                continue;
            }

            if (o.RejectCurlyBrackets && line.Contains('{', StringComparison.Ordinal))
            {
                curly = 1;
            }

            if (o.DropPolicyLines && PolicySubstrings.Any(p => lower.Contains(p, StringComparison.Ordinal)))
            {
                dropped++;
                continue;
            }

            sentences += Punctuation.CountSentences(line);
            kept.Append(line).Append('\n');
        }

        check.Record("c4_lorem_ipsum", lorem, 0, lorem > 0);
        check.Record("c4_curly_bracket", curly, 0, curly > 0);
        check.Record("c4_too_few_sentences", sentences, o.MinSentences, sentences < o.MinSentences);
        check.Signals["c4_dropped_lines"] = dropped;
        return kept.ToString().Trim();
    }

    [GeneratedRegex(@"\[\d*\]|\[edit\]|\[citation needed\]", RegexOptions.IgnoreCase)]
    private static partial Regex Citation();
}

/// <summary>Sentence-ending punctuation across scripts (datatrove's TERMINAL_PUNCTUATION in spirit; a subset here).</summary>
internal static class Punctuation
{
    private const string Terminal = ".!?\"'。！？｡।॥۔؟։።፧፨။၊។៕෴।⸮‼⁇⁈⁉…」』”’»";

    public static bool IsTerminal(char c) => Terminal.Contains(c, StringComparison.Ordinal);

    public static bool EndsWithTerminal(string line) => line.Length > 0 && IsTerminal(line[^1]);

    /// <summary>Runs of sentence-ending marks followed by whitespace or the line's end; at least one for a non-empty line.</summary>
    public static int CountSentences(string line)
    {
        var n = 0;
        for (var i = 0; i < line.Length; i++)
        {
            if (IsTerminal(line[i]) && line[i] is not ('"' or '\'' or '”' or '’' or '»' or '」' or '』')
                && (i + 1 == line.Length || char.IsWhiteSpace(line[i + 1]) || !IsTerminal(line[i + 1]) && IsWideStop(line[i])))
            {
                n++;
            }
        }

        return Math.Max(n, line.Length > 0 ? 1 : 0);
    }

    /// <summary>Full stops that need no space after them (CJK, Devanagari danda, Thai/Khmer/Burmese).</summary>
    private static bool IsWideStop(char c) => c is '。' or '！' or '？' or '｡' or '।' or '॥' or '။' or '។' or '؟' or '۔';
}
