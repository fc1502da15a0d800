namespace Corpus.Filters.Languages;

/// <summary>
/// The dominant writing system of a text, as an ISO 15924 code, from the Unicode Script property
/// (<see cref="ScriptTable"/>, generated from Unicode's Scripts.txt). Digits, punctuation, symbols,
/// spaces and combining marks (Common and Inherited) are ignored. Han with kana is <c>Jpan</c>; Han
/// alone is <c>Hani</c> (simplified and traditional are told apart by the language model, not here);
/// Hangul, with or without Han, is <c>Hang</c>. A text with no letters at all is <c>Zyyy</c>.
/// </summary>
public static class ScriptDetector
{
    /// <summary>The code for a text without any letters.</summary>
    public const string Common = "Zyyy";

    private const byte Ignored = byte.MaxValue;
    private static readonly byte[] Bmp = BuildBmp();
    private static readonly byte HaniIndex = IndexOf("Hani");
    private static readonly byte HiraIndex = IndexOf("Hira");
    private static readonly byte KanaIndex = IndexOf("Kana");
    private static readonly byte HangIndex = IndexOf("Hang");

    /// <summary>How many scripts <see cref="Count"/> distinguishes.</summary>
    internal static int ScriptCount => ScriptTable.Names.Length;

    /// <summary>The dominant script of <paramref name="text"/>.</summary>
    public static string Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Detect(text.AsSpan());
    }

    /// <summary>The dominant script of <paramref name="text"/>.</summary>
    public static string Detect(ReadOnlySpan<char> text)
    {
        Span<int> counts = stackalloc int[ScriptTable.Names.Length];
        Count(text, counts);
        return Dominant(counts);
    }

    /// <summary>The script of one code point: an ISO 15924 code, <c>Zyyy</c> for Common and Inherited ones.</summary>
    public static string ScriptOf(int codePoint)
    {
        var index = IndexOfCodePoint(codePoint);
        return index == Ignored ? Common : ScriptTable.Names[index];
    }

    /// <summary>Whether a model label's script fits text detected as <paramref name="detected"/>.</summary>
    public static bool IsCompatible(string labelScript, string detected) =>
        string.Equals(labelScript, detected, StringComparison.Ordinal) || detected switch
        {
            "Hani" => labelScript is "Hans" or "Hant" or "Jpan" or "Kore",
            "Jpan" => labelScript is "Hira" or "Kana",
            "Hang" => labelScript is "Kore",
            _ => false,
        };

    /// <summary>Adds each letter's script to <paramref name="counts"/> (indexed like the generated table); returns the letters counted.</summary>
    internal static int Count(ReadOnlySpan<char> text, Span<int> counts)
    {
        var total = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var index = IndexOfCodePoint(rune.Value);
            if (index != Ignored)
            {
                counts[index]++;
                total++;
            }
        }

        return total;
    }

    /// <summary>How many characters of <paramref name="text"/> belong to a script (letters and marks of a script; not digits, punctuation, spaces).</summary>
    internal static int CountLetters(ReadOnlySpan<char> text)
    {
        var total = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (IndexOfCodePoint(rune.Value) != Ignored)
            {
                total++;
            }
        }

        return total;
    }

    /// <summary>The dominant script of counts filled by <see cref="Count"/>.</summary>
    internal static string Dominant(ReadOnlySpan<int> counts)
    {
        var kana = counts[HiraIndex] + counts[KanaIndex];
        var han = counts[HaniIndex];
        var best = -1;
        var bestCount = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            var n = counts[i];
            if (i == HiraIndex || i == KanaIndex || i == HaniIndex)
            {
                continue;
            }

            if (i == HangIndex && n > 0)
            {
                n += han; // Korean text with hanja is still Korean.
            }

            if (n > bestCount)
            {
                best = i;
                bestCount = n;
            }
        }

        // Japanese: Han and kana together; kana alone is Japanese too.
        if (kana + han > bestCount && (kana > 0 || han > 0))
        {
            if (counts[HangIndex] > 0 && counts[HangIndex] >= kana)
            {
                return "Hang";
            }

            return kana * 20 >= kana + han ? "Jpan" : "Hani";
        }

        return best < 0 ? Common : ScriptTable.Names[best];
    }

    private static byte IndexOfCodePoint(int codePoint)
    {
        if (codePoint < Bmp.Length)
        {
            return Bmp[codePoint];
        }

        var starts = ScriptTable.RangeStarts;
        var i = Array.BinarySearch(starts, codePoint);
        if (i < 0)
        {
            i = ~i - 1;
        }

        return i >= 0 && codePoint <= ScriptTable.RangeEnds[i] ? ScriptTable.RangeScripts[i] : Ignored;
    }

    private static byte[] BuildBmp()
    {
        var table = new byte[0x10000];
        Array.Fill(table, Ignored);
        for (var i = 0; i < ScriptTable.RangeStarts.Length && ScriptTable.RangeStarts[i] < table.Length; i++)
        {
            var end = Math.Min(ScriptTable.RangeEnds[i], table.Length - 1);
            table.AsSpan(ScriptTable.RangeStarts[i], end - ScriptTable.RangeStarts[i] + 1).Fill(ScriptTable.RangeScripts[i]);
        }
        return table;
    }

    private static byte IndexOf(string name) => (byte)Array.IndexOf(ScriptTable.Names, name);
}
