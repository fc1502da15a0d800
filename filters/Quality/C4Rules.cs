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

    public static string Check(string text, C4Options o, LanguageProfile profile, RuleCheck check, QualityScratch scratch)
    {
        var (sentences, dropped, lorem, curly) = (0, 0, 0.0, 0.0);
        var source = text.AsSpan();
        var lines = scratch.Pieces;
        lines.SplitOn(source, '\n');
        scratch.ClearKept();
        for (var l = 0; l < lines.Count; l++)
        {
            ReadOnlySpan<char> line = lines.Slice(source, l).Trim();
            var lower = scratch.Chars(line.Length);
            line.ToLowerInvariant(lower);
            var (spacedWords, longWord) = SpacedWords(line, o.MaxWordLength);
            if (o.MaxWordLength >= 0 && longWord)
            {
                dropped++;
                continue;
            }

            if (o.RemoveCitations && line.Contains('[') && Citation().IsMatch(line))
            {
                line = Citation().Replace(line.ToString(), string.Empty);
            }

            if (o.DropLinesWithoutTerminalPunctuation && (!Punctuation.EndsWithTerminal(line) || line.EndsWith("...", StringComparison.Ordinal)))
            {
                dropped++;
                continue;
            }

            var wordCount = profile.Segmentation == Segmentation.Spaces ? spacedWords : NonSymbolWords(line, profile.Segmentation, scratch.LineWords);
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

            if (o.RejectCurlyBrackets && line.Contains('{'))
            {
                curly = 1;
            }

            if (o.DropPolicyLines && ContainsPolicy(lower))
            {
                dropped++;
                continue;
            }

            sentences += Punctuation.CountSentences(line);
            scratch.AppendKeptLine(line);
        }

        check.Record("c4_lorem_ipsum", lorem, 0, lorem > 0);
        check.Record("c4_curly_bracket", curly, 0, curly > 0);
        check.Record("c4_too_few_sentences", sentences, o.MinSentences, sentences < o.MinSentences);
        check.Signals["c4_dropped_lines"] = dropped;
        return scratch.KeptText();
    }

    /// <summary>The white-space separated words of <paramref name="line"/> (as <c>Split(null, RemoveEmptyEntries)</c> gives them), and whether one is longer than <paramref name="maxLength"/>.</summary>
    private static (int Words, bool LongWord) SpacedWords(ReadOnlySpan<char> line, int maxLength)
    {
        var (words, longWord, start) = (0, false, -1);
        for (var i = 0; i <= line.Length; i++)
        {
            if (i == line.Length || char.IsWhiteSpace(line[i]))
            {
                if (start >= 0)
                {
                    words++;
                    longWord |= i - start > maxLength;
                    start = -1;
                }
            }
            else if (start < 0)
            {
                start = i;
            }
        }

        return (words, longWord);
    }

    private static int NonSymbolWords(ReadOnlySpan<char> line, Segmentation segmentation, TextRanges words)
    {
        WordSegmenter.Segment(line, segmentation, words);
        var n = 0;
        for (var i = 0; i < words.Count; i++)
        {
            if (!WordSegmenter.IsSymbolWord(words.Slice(line, i)))
            {
                n++;
            }
        }

        return n;
    }

    private static bool ContainsPolicy(ReadOnlySpan<char> lower)
    {
        foreach (var p in PolicySubstrings)
        {
            if (lower.Contains(p, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"\[\d*\]|\[edit\]|\[citation needed\]", RegexOptions.IgnoreCase)]
    private static partial Regex Citation();
}

/// <summary>Sentence-ending punctuation across scripts (datatrove's TERMINAL_PUNCTUATION in spirit; a subset here).</summary>
internal static class Punctuation
{
    private const string Terminal = ".!?\"'。！？｡।॥۔؟։።፧፨။၊។៕෴।⸮‼⁇⁈⁉…」』”’»";

    public static bool IsTerminal(char c) => Terminal.Contains(c, StringComparison.Ordinal);

    public static bool EndsWithTerminal(ReadOnlySpan<char> line) => line.Length > 0 && IsTerminal(line[^1]);

    /// <summary>Runs of sentence-ending marks followed by whitespace or the line's end; at least one for a non-empty line.</summary>
    public static int CountSentences(ReadOnlySpan<char> line)
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
