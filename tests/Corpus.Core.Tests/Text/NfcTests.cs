using System.Text;
using Corpus.Core.Text;

namespace Corpus.Core.Tests.Text;

public sealed class NfcTests
{
    /// <summary>
    /// ICU 72 knows Unicode 15; our tables are Unicode 14 (Python 3.11's). These combining marks, new in 15,
    /// are all that differ, and nothing else may.
    /// </summary>
    private static readonly HashSet<int> AddedInUnicode15 = [0x10EFD, 0x10EFE, 0x10EFF, 0x11F41, 0x11F42, 0x1E08F, 0x1E4EC, 0x1E4ED, 0x1E4EE, 0x1E4EF];

    public NfcTests()
    {
        // The reference is ICU through string.Normalize, which does nothing under InvariantGlobalization.
        "e\u0301".Normalize(NormalizationForm.FormC).Should().Be("\u00E9", "the test project must run with ICU (InvariantGlobalization false)");
    }

    [Fact]
    public void Normalize_matches_icu_on_every_code_point_alone_and_decomposed()
    {
        var mismatches = new List<string>();
        int skipped = 0;
        for (int codePoint = 0; codePoint < 0x110000; codePoint++)
        {
            if (codePoint is >= 0xD800 and <= 0xDFFF || AddedInUnicode15.Contains(codePoint))
            {
                continue;
            }

            string single = char.ConvertFromUtf32(codePoint);
            if (!TryIcuNormalize(single, NormalizationForm.FormD, out string? decomposed))
            {
                skipped++;
                continue;
            }

            foreach (string input in new[] { single, decomposed, "a" + single + "\u0301\u0323" })
            {
                TryIcuNormalize(input, NormalizationForm.FormC, out string? expected).Should().BeTrue();
                string actual = Nfc.Normalize(input);
                if (actual != expected)
                {
                    mismatches.Add($"U+{codePoint:X4} in {Hex(input)}: ours {Hex(actual)}, ICU {Hex(expected!)}");
                }
            }
        }

        string.Join("\n", mismatches).Should().BeEmpty();
        skipped.Should().BeLessThan(100, "ICU refuses only noncharacters");
    }

    private static bool TryIcuNormalize(string input, NormalizationForm form, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? result)
    {
        try
        {
            result = input.Normalize(form);
            return true;
        }
        catch (ArgumentException)
        {
            result = null;
            return false;
        }
    }

    [Fact]
    public void Long_text_normalized_in_segments_equals_icu_across_every_cut()
    {
        var random = new Random(7);
        string[] atoms = ["a", "e\u0301", "\u0323\u0302", "\u1100", "\u1161", "\u11A8", "\uAC00", "\u0F71", "\u0F73", "x", " ", "\u212B", "\uD835\uDC00", "\u0300", "\u4E00", "\u0B47", "\u0B3E"];
        var sb = new System.Text.StringBuilder();
        while (sb.Length < 20_000)
        {
            sb.Append(atoms[random.Next(atoms.Length)]);
        }

        var text = sb.ToString();
        var expected = text.Normalize(NormalizationForm.FormC);
        var saved = Nfc.SegmentChars;
        try
        {
            foreach (var segment in new[] { 7, 64, 1000 })
            {
                Nfc.SegmentChars = segment;
                Nfc.Normalize(text.AsSpan()).Should().Be(expected, $"segments of {segment} chars");
            }
        }
        finally
        {
            Nfc.SegmentChars = saved;
        }
    }

    [Fact]
    public void Reordering_and_hangul_follow_the_standard()
    {
        string[] inputs =
        [
            "a\u0323\u0302", "a\u0302\u0323", "\u1100\u1161\u11A8", "\u1100\u1161", "\uAC00\u11A8",
            "\u0041\u030A\u0301", "\u212B", "\u1E9B\u0323", "\u0B47\u0B3E", "\u0300a", "x\u0F73\u0F71",
        ];
        foreach (string input in inputs)
        {
            Nfc.Normalize(input).Should().Be(input.Normalize(NormalizationForm.FormC), Hex(input));
        }
    }

    [Fact]
    public void Lone_surrogates_become_replacement_characters()
    {
        Nfc.NormalizeIfNeeded("a\uD800b\uDC00").Should().Be("a\uFFFDb\uFFFD");
        Nfc.NormalizeIfNeeded("\uD83D\uDE00").Should().BeNull();
    }

    private static string Hex(string text) => string.Join(' ', text.EnumerateRunes().Select(r => $"U+{r.Value:X4}"));
}
