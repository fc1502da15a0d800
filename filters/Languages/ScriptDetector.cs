namespace Corpus.Filters.Languages;

/// <summary>
/// The dominant writing system of a text, as an ISO 15924 code, from the Unicode Script property
/// (<see cref="ScriptTable"/>, generated from Unicode's Scripts.txt). Digits, punctuation, symbols,
/// spaces and combining marks (Common and Inherited) are ignored. Scripts are weighed by how much of
/// a word one character carries: a Han character (a morpheme) counts as three letters, a kana or
/// Hangul character (a syllable) as two, so a Chinese sentence with a few English names stays Chinese.
/// Han with kana is <c>Jpan</c>; Han alone is <c>Hans</c> or <c>Hant</c> when its characters that
/// exist in only one of the two forms (<see cref="HanForms"/>, from Unihan's variants) are at least
/// twice as many of one form as of the other, else <c>Hani</c>; Hangul, with or without Han, is
/// <c>Hang</c>. A text with no letters at all is <c>Zyyy</c>.
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

    // Slots after the scripts in a counts span: Han characters of only the simplified, only the traditional form.
    private static readonly int SimplifiedSlot = ScriptTable.Names.Length;
    private static readonly int TraditionalSlot = ScriptTable.Names.Length + 1;
    private static readonly byte[] BmpHanForms = BuildBmpHanForms();

    private const byte NoHanForm = 0;
    private const byte SimplifiedForm = 1;
    private const byte TraditionalForm = 2;

    // Letters a character is worth when scripts are compared (see the class summary).
    private const int HanWeight = 3;
    private const int SyllableWeight = 2;

    /// <summary>The length of a counts span for <see cref="Count"/>: one slot per script and two for the Han forms.</summary>
    internal static int ScriptCount => ScriptTable.Names.Length + 2;

    /// <summary>The dominant script of <paramref name="text"/>.</summary>
    public static string Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Detect(text.AsSpan());
    }

    /// <summary>The dominant script of <paramref name="text"/>.</summary>
    public static string Detect(ReadOnlySpan<char> text)
    {
        Span<int> counts = stackalloc int[ScriptCount];
        counts.Clear();
        Count(text, counts);
        return Dominant(counts);
    }

    /// <summary>The script of one code point: an ISO 15924 code, <c>Zyyy</c> for Common and Inherited ones.</summary>
    public static string ScriptOf(int codePoint)
    {
        var index = IndexOfCodePoint(codePoint);
        return index == Ignored ? Common : ScriptTable.Names[index];
    }

    /// <summary>
    /// The dominant script of <paramref name="text"/> as the built-in model's training text was filtered:
    /// every letter counts one, Han alone is <c>Hani</c>. Kept for <c>Corpus.Filters.Languages.Training</c>
    /// so that the committed model's training file stays what it was built from.
    /// </summary>
    internal static string DetectByLetterCount(ReadOnlySpan<char> text)
    {
        Span<int> counts = stackalloc int[ScriptCount];
        counts.Clear();
        Count(text, counts);
        return DominantByLetterCount(counts);
    }

    /// <summary>Whether a model label's script fits text detected as <paramref name="detected"/>.</summary>
    /// <remarks>Han text of one form still fits Japanese (kanji keep many traditional forms, and some shinjitai are simplified ones) and, if traditional, Korean hanja.</remarks>
    public static bool IsCompatible(string labelScript, string detected) =>
        string.Equals(labelScript, detected, StringComparison.Ordinal) || detected switch
        {
            "Hani" => labelScript is "Hans" or "Hant" or "Jpan" or "Kore",
            "Hans" => labelScript is "Hani" or "Jpan",
            "Hant" => labelScript is "Hani" or "Jpan" or "Kore",
            "Jpan" => labelScript is "Hira" or "Kana",
            "Hang" => labelScript is "Kore",
            _ => false,
        };

    /// <summary>
    /// Adds each letter's script to <paramref name="counts"/> (<see cref="ScriptCount"/> long, indexed like
    /// the generated table, then the simplified-only and traditional-only Han characters); returns the letters counted.
    /// </summary>
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
                if (index == HaniIndex)
                {
                    switch (HanFormOf(rune.Value))
                    {
                        case SimplifiedForm: counts[SimplifiedSlot]++; break;
                        case TraditionalForm: counts[TraditionalSlot]++; break;
                    }
                }
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

    /// <summary>The dominant script of counts filled by <see cref="Count"/>, each script weighed as the class summary says.</summary>
    internal static string Dominant(ReadOnlySpan<int> counts) => Dominant(counts, HanWeight, SyllableWeight, hanForms: true);

    /// <summary>The dominant script of counts filled by <see cref="Count"/>, every letter counting one and Han alone being <c>Hani</c> (see <see cref="DetectByLetterCount"/>).</summary>
    internal static string DominantByLetterCount(ReadOnlySpan<int> counts) => Dominant(counts, 1, 1, hanForms: false);

    // hanWeight, syllableWeight: letters a Han character and a kana or Hangul character are worth;
    // hanForms: whether Han alone is told apart as Hans or Hant.
    private static string Dominant(ReadOnlySpan<int> counts, int hanWeight, int syllableWeight, bool hanForms)
    {
        var kana = counts[HiraIndex] + counts[KanaIndex];
        var han = counts[HaniIndex];
        var best = -1;
        var bestCount = 0;
        for (var i = 0; i < ScriptTable.Names.Length; i++)
        {
            var n = counts[i];
            if (i == HiraIndex || i == KanaIndex || i == HaniIndex)
            {
                continue;
            }

            if (i == HangIndex && n > 0)
            {
                n = (n * syllableWeight) + (han * hanWeight); // Korean text with hanja is still Korean.
            }

            if (n > bestCount)
            {
                best = i;
                bestCount = n;
            }
        }

        if ((kana * syllableWeight) + (han * hanWeight) > bestCount && (kana > 0 || han > 0))
        {
            if (counts[HangIndex] > 0 && counts[HangIndex] >= kana)
            {
                return "Hang";
            }

            if (kana * 20 >= kana + han)
            {
                return "Jpan";
            }

            if (!hanForms)
            {
                return "Hani";
            }

            var simplified = counts[SimplifiedSlot];
            var traditional = counts[TraditionalSlot];
            return simplified > 2 * traditional ? "Hans" : traditional > 2 * simplified ? "Hant" : "Hani";
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

    private static byte HanFormOf(int codePoint)
    {
        if (codePoint < BmpHanForms.Length)
        {
            return BmpHanForms[codePoint];
        }

        return Array.BinarySearch(HanForms.SimplifiedOnly, codePoint) >= 0 ? SimplifiedForm
            : Array.BinarySearch(HanForms.TraditionalOnly, codePoint) >= 0 ? TraditionalForm
            : NoHanForm;
    }

    private static byte[] BuildBmpHanForms()
    {
        var table = new byte[0x10000];
        foreach (var codePoint in HanForms.SimplifiedOnly)
        {
            if (codePoint < table.Length)
            {
                table[codePoint] = SimplifiedForm;
            }
        }

        foreach (var codePoint in HanForms.TraditionalOnly)
        {
            if (codePoint < table.Length)
            {
                table[codePoint] = TraditionalForm;
            }
        }

        return table;
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
