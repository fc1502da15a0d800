using System.Globalization;
using System.Runtime.CompilerServices;

namespace Corpus.Tokenizer;

/// <summary>
/// A hand-written equivalent of the Qwen2/2.5/3 Split regex (<see cref="Pattern"/>): cuts text into
/// exactly the pieces the regex matches, in one forward pass over code points, without a regex engine.
/// </summary>
/// <remarks>
/// The alternatives, tried in order at each position, and what they become here:
/// <list type="number">
/// <item><c>(?i:'s|'t|'re|'ve|'m|'ll|'d)</c>: an apostrophe and the letters, compared case-insensitively
/// as .NET Regex does under CultureInvariant: ASCII case only (<c>ſ</c> is not an <c>s</c>).</item>
/// <item><c>[^\r\n\p{L}\p{N}]?\p{L}+</c>: a run of letters, with one character before it that is
/// neither CR, LF, a letter nor a number.</item>
/// <item><c>\p{N}</c>: one number.</item>
/// <item><c> ?[^\s\p{L}\p{N}]+[\r\n]*</c>: a run of other characters, with a space before it and any CR/LF after.</item>
/// <item><c>\s*[\r\n]+</c>: whitespace up to and including its last CR or LF.</item>
/// <item><c>\s+(?!\S)</c>: whitespace at the end of the text, or all but the last whitespace
/// character before something that is not whitespace.</item>
/// <item><c>\s+</c>: a single whitespace character before something else.</item>
/// </list>
/// A character outside the BMP is one code point of its general category; a lone surrogate is
/// neither a letter, a number nor whitespace (it becomes U+FFFD in UTF-8).
/// </remarks>
internal static class QwenSplitter
{
    /// <summary>The Split regex of Qwen2/2.5/3's tokenizer.json, which this class implements.</summary>
    public const string Pattern = @"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+";

    private const byte Letter = 1;
    private const byte Number = 2;
    private const byte Space = 4;
    private const byte Surrogate = 8;
    private const byte LineBreak = 16;

    private static readonly byte[] Classes = BuildClasses();

    public static void Split<TSink>(ReadOnlySpan<char> text, ref TSink sink)
        where TSink : struct, IPieceSink, allows ref struct
    {
        int n = text.Length;
        int i = 0;
        while (i < n)
        {
            int end = NextEnd(text, i);
            sink.OnPiece(text[i..end]);
            i = end;
        }
    }

    /// <summary>The end of the piece that starts at <paramref name="i"/>.</summary>
    private static int NextEnd(ReadOnlySpan<char> text, int i)
    {
        int n = text.Length;
        char c = text[i];
        if (c == '\'' && i + 1 < n)
        {
            int contraction = ContractionLength(text, i + 1);
            if (contraction > 0)
            {
                return i + 1 + contraction;
            }
        }

        int cls = ClassAt(text, i, out int width);
        if ((cls & Letter) != 0)
        {
            return LetterRunEnd(text, i + width);
        }

        if ((cls & (LineBreak | Number)) == 0 && i + width < n && (ClassAt(text, i + width, out int nextWidth) & Letter) != 0)
        {
            return LetterRunEnd(text, i + width + nextWidth);
        }

        if ((cls & Number) != 0)
        {
            return i + width;
        }

        int start = i;
        if (c == ' ' && i + 1 < n && (ClassAt(text, i + 1, out _) & (Letter | Number | Space)) == 0)
        {
            start = i + 1;
            cls = 0;
        }

        if ((cls & Space) == 0)
        {
            // ` ?[^\s\p{L}\p{N}]+[\r\n]*`
            int j = start;
            while (j < n && (ClassAt(text, j, out int w) & (Letter | Number | Space)) == 0)
            {
                j += w;
            }

            while (j < n && (text[j] == '\r' || text[j] == '\n'))
            {
                j++;
            }

            return j;
        }

        // Whitespace (always BMP): the run [i, runEnd).
        int runEnd = i + 1;
        int lastBreak = (cls & LineBreak) != 0 ? i : -1;
        while (runEnd < n)
        {
            char d = text[runEnd];
            byte k = Classes[d];
            if ((k & Space) == 0)
            {
                break;
            }

            if ((k & LineBreak) != 0)
            {
                lastBreak = runEnd;
            }

            runEnd++;
        }

        if (lastBreak >= 0)
        {
            return lastBreak + 1;
        }

        if (runEnd == n || runEnd - i == 1)
        {
            return runEnd;
        }

        return runEnd - 1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int LetterRunEnd(ReadOnlySpan<char> text, int j)
    {
        int n = text.Length;
        while (j < n)
        {
            byte k = Classes[text[j]];
            if ((k & Letter) != 0)
            {
                j++;
            }
            else if ((k & Surrogate) != 0 && (ClassAt(text, j, out int w) & Letter) != 0)
            {
                j += w;
            }
            else
            {
                break;
            }
        }

        return j;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int ClassAt(ReadOnlySpan<char> text, int i, out int width)
    {
        byte k = Classes[text[i]];
        width = 1;
        if ((k & Surrogate) == 0)
        {
            return k;
        }

        return AstralClass(text, i, ref width);
    }

    private static int AstralClass(ReadOnlySpan<char> text, int i, ref int width)
    {
        char high = text[i];
        if (char.IsHighSurrogate(high) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            width = 2;
            return ClassOf(CharUnicodeInfo.GetUnicodeCategory(char.ConvertToUtf32(high, text[i + 1])));
        }

        return 0;
    }

    /// <summary>The length after the apostrophe of a contraction that starts at <paramref name="i"/>, or 0.</summary>
    private static int ContractionLength(ReadOnlySpan<char> text, int i)
    {
        char a = text[i];
        if (Is(a, 's') || Is(a, 't') || Is(a, 'm') || Is(a, 'd'))
        {
            return 1;
        }

        if (i + 1 < text.Length)
        {
            char b = text[i + 1];
            if ((Is(a, 'r') && Is(b, 'e')) || (Is(a, 'v') && Is(b, 'e')) || (Is(a, 'l') && Is(b, 'l')))
            {
                return 2;
            }
        }

        return 0;
    }

    /// <summary>Whether <paramref name="c"/> matches the lowercase ASCII letter <paramref name="lower"/> case-insensitively, as .NET Regex does.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Is(char c, char lower) => (c | 0x20) == lower;

    private static byte ClassOf(UnicodeCategory category) => category switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter => Letter,
        UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => Number,
        _ => 0,
    };

    private static byte[] BuildClasses()
    {
        var table = new byte[65536];
        for (int c = 0; c < table.Length; c++)
        {
            char ch = (char)c;
            byte k = char.IsSurrogate(ch) ? Surrogate : ClassOf(char.GetUnicodeCategory(ch));
            if (char.IsWhiteSpace(ch))
            {
                k |= Space;
            }

            if (ch is '\r' or '\n')
            {
                k |= LineBreak;
            }

            table[c] = k;
        }

        return table;
    }
}
