using System.Buffers;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Corpus.Tokenizer;

/// <summary>Receives the pieces the pre-tokenizer cuts text into, in order.</summary>
internal interface IPieceSink
{
    void OnPiece(ReadOnlySpan<char> piece);
}

/// <summary>
/// Cuts normalized text into pieces with the Split regex from tokenizer.json, the way Hugging Face's
/// Split pre-tokenizer (behavior Isolated) does: every match is a piece, and so is any text between
/// matches.
/// </summary>
/// <remarks>
/// Hugging Face runs the pattern with Oniguruma over code points; .NET's <see cref="Regex"/> runs over
/// UTF-16 code units, where a character outside the BMP is two surrogates that are neither
/// <c>\p{L}</c> nor <c>\p{N}</c>. So text with surrogates is matched on a stand-in string with one
/// character per code point: each astral code point is replaced by a BMP character of the same
/// Unicode general category (which is all the pattern can see of it), and the matches are mapped
/// back to the original text. A lone surrogate stands in as U+FFFD, which is what it becomes in UTF-8.
/// </remarks>
internal sealed class PreTokenizer
{
    private const int StackThreshold = 512;
    private static readonly char[] StandIns = BuildStandIns();
    private readonly Lazy<Regex> _regex;

    public PreTokenizer(string pattern, string path)
    {
        Pattern = pattern;
        IsHandWritten = pattern == QwenSplitter.Pattern;
        _regex = new Lazy<Regex>(() => new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.Compiled));
        if (!IsHandWritten)
        {
            try
            {
                _ = _regex.Value;
            }
            catch (ArgumentException e)
            {
                throw new InvalidDataException($"{path}: unsupported tokenizer.json: the Split regex does not compile in .NET ({e.Message})", e);
            }
        }
    }

    public string Pattern { get; }

    /// <summary>Whether the pattern is Qwen's and <see cref="QwenSplitter"/> cuts the text instead of the regex.</summary>
    public bool IsHandWritten { get; }

    public void Split<TSink>(ReadOnlySpan<char> text, ref TSink sink)
        where TSink : struct, IPieceSink, allows ref struct
    {
        if (IsHandWritten)
        {
            QwenSplitter.Split(text, ref sink);
        }
        else
        {
            SplitWithRegex(text, ref sink);
        }
    }

    /// <summary>Cuts the text with the regex, whatever the pattern (the reference for <see cref="QwenSplitter"/>).</summary>
    public void SplitWithRegex<TSink>(ReadOnlySpan<char> text, ref TSink sink)
        where TSink : struct, IPieceSink, allows ref struct
    {
        if (text.IndexOfAnyInRange('\uD800', '\uDFFF') < 0)
        {
            SplitBmp(text, ref sink);
        }
        else
        {
            SplitWithSurrogates(text, ref sink);
        }
    }

    private void SplitBmp<TSink>(ReadOnlySpan<char> text, ref TSink sink)
        where TSink : struct, IPieceSink, allows ref struct
    {
        int position = 0;
        foreach (var match in _regex.Value.EnumerateMatches(text))
        {
            if (match.Length == 0)
            {
                continue;
            }

            if (match.Index > position)
            {
                sink.OnPiece(text[position..match.Index]);
            }

            sink.OnPiece(text.Slice(match.Index, match.Length));
            position = match.Index + match.Length;
        }

        if (position < text.Length)
        {
            sink.OnPiece(text[position..]);
        }
    }

    private void SplitWithSurrogates<TSink>(ReadOnlySpan<char> text, ref TSink sink)
        where TSink : struct, IPieceSink, allows ref struct
    {
        char[]? rentedChars = null;
        int[]? rentedStarts = null;
        Span<char> standIn = text.Length <= StackThreshold
            ? stackalloc char[StackThreshold]
            : (rentedChars = ArrayPool<char>.Shared.Rent(text.Length));
        Span<int> starts = text.Length <= StackThreshold
            ? stackalloc int[StackThreshold + 1]
            : (rentedStarts = ArrayPool<int>.Shared.Rent(text.Length + 1));
        try
        {
            int count = 0;
            for (int i = 0; i < text.Length; i++)
            {
                starts[count] = i;
                char c = text[i];
                if (!char.IsSurrogate(c))
                {
                    standIn[count++] = c;
                }
                else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    int codePoint = char.ConvertToUtf32(c, text[i + 1]);
                    standIn[count++] = StandIns[(int)CharUnicodeInfo.GetUnicodeCategory(codePoint)];
                    i++;
                }
                else
                {
                    standIn[count++] = '\uFFFD';
                }
            }

            starts[count] = text.Length;
            ReadOnlySpan<char> mapped = standIn[..count];
            int position = 0;
            foreach (var match in _regex.Value.EnumerateMatches(mapped))
            {
                if (match.Length == 0)
                {
                    continue;
                }

                if (match.Index > position)
                {
                    sink.OnPiece(text[starts[position]..starts[match.Index]]);
                }

                int end = match.Index + match.Length;
                sink.OnPiece(text[starts[match.Index]..starts[end]]);
                position = end;
            }

            if (position < count)
            {
                sink.OnPiece(text[starts[position]..]);
            }
        }
        finally
        {
            if (rentedChars is not null)
            {
                ArrayPool<char>.Shared.Return(rentedChars);
            }

            if (rentedStarts is not null)
            {
                ArrayPool<int>.Shared.Return(rentedStarts);
            }
        }
    }

    /// <summary>For each general category, a BMP character of that category that no pattern names literally.</summary>
    private static char[] BuildStandIns()
    {
        var preferred = new Dictionary<UnicodeCategory, char>
        {
            [UnicodeCategory.UppercaseLetter] = '\u0100',
            [UnicodeCategory.LowercaseLetter] = '\u0101',
            [UnicodeCategory.TitlecaseLetter] = '\u01C5',
            [UnicodeCategory.ModifierLetter] = '\u02B0',
            [UnicodeCategory.OtherLetter] = '\u4E00',
            [UnicodeCategory.NonSpacingMark] = '\u0300',
            [UnicodeCategory.SpacingCombiningMark] = '\u0903',
            [UnicodeCategory.EnclosingMark] = '\u20DD',
            [UnicodeCategory.DecimalDigitNumber] = '\u0660',
            [UnicodeCategory.LetterNumber] = '\u2160',
            [UnicodeCategory.OtherNumber] = '\u00B2',
            [UnicodeCategory.SpaceSeparator] = '\u3000',
            [UnicodeCategory.LineSeparator] = '\u2028',
            [UnicodeCategory.ParagraphSeparator] = '\u2029',
            [UnicodeCategory.Control] = '\u0080',
            [UnicodeCategory.Format] = '\u00AD',
            [UnicodeCategory.Surrogate] = '\uFFFD',
            [UnicodeCategory.PrivateUse] = '\uE000',
            [UnicodeCategory.ConnectorPunctuation] = '\u203F',
            [UnicodeCategory.DashPunctuation] = '\u2010',
            [UnicodeCategory.OpenPunctuation] = '\u2045',
            [UnicodeCategory.ClosePunctuation] = '\u2046',
            [UnicodeCategory.InitialQuotePunctuation] = '\u00AB',
            [UnicodeCategory.FinalQuotePunctuation] = '\u00BB',
            [UnicodeCategory.OtherPunctuation] = '\u00A1',
            [UnicodeCategory.MathSymbol] = '\u00AC',
            [UnicodeCategory.CurrencySymbol] = '\u00A2',
            [UnicodeCategory.ModifierSymbol] = '\u00B4',
            [UnicodeCategory.OtherSymbol] = '\u00A6',
            [UnicodeCategory.OtherNotAssigned] = '\u0378',
        };

        var table = new char[(int)UnicodeCategory.OtherNotAssigned + 1];
        foreach (var (category, c) in preferred)
        {
            table[(int)category] = category == UnicodeCategory.Surrogate || char.GetUnicodeCategory(c) == category
                ? c
                : FindStandIn(category);
        }

        return table;
    }

    private static char FindStandIn(UnicodeCategory category)
    {
        for (int c = 0x00A0; c < 0xFFFE; c++)
        {
            if (!char.IsSurrogate((char)c) && char.GetUnicodeCategory((char)c) == category)
            {
                return (char)c;
            }
        }

        return '\uFFFD';
    }
}
