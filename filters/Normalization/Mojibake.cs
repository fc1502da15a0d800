using System.Text;

namespace Corpus.Filters.Normalization;

/// <summary>
/// Repairs UTF-8 that was decoded as Windows-1252 (or Latin-1): "Ã©" back to "é". Conservative: only a run of
/// characters that all map to bytes 0x80..0xFF is considered, and it is replaced only when those bytes are valid
/// UTF-8, decode to fewer characters, and hold no control character.
/// </summary>
internal static class Mojibake
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    // Windows-1252 bytes 0x80..0x9F as characters; the five undefined bytes read as their Latin-1 C1 controls.
    private const string Cp1252High = "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F"
        + "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";

    private static readonly Dictionary<char, byte> ToByte = BuildMap();

    public static string Repair(string text)
    {
        if (!LooksSuspicious(text))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        var i = 0;
        var changed = false;
        while (i < text.Length)
        {
            if (!ToByte.ContainsKey(text[i]))
            {
                sb.Append(text[i++]);
                continue;
            }

            var start = i;
            while (i < text.Length && ToByte.ContainsKey(text[i]))
            {
                i++;
            }

            changed |= RepairRun(text.AsSpan(start, i - start), sb);
        }

        return changed ? sb.ToString() : text;
    }

    /// <summary>Cheap pre-check: a UTF-8 lead byte read as cp1252 is one of Â..ô (0xC2..0xF4).</summary>
    private static bool LooksSuspicious(string text)
    {
        foreach (var c in text)
        {
            if (c is >= '\u00C2' and <= '\u00F4')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Within a run, every well-formed UTF-8 sequence (lead byte plus its continuation bytes) is decoded; the rest is kept.</summary>
    private static bool RepairRun(ReadOnlySpan<char> run, StringBuilder sb)
    {
        var changed = false;
        Span<byte> sequence = stackalloc byte[4];
        var k = 0;
        while (k < run.Length)
        {
            var lead = ToByte[run[k]];
            var length = lead switch
            {
                >= 0xC2 and <= 0xDF => 2,
                >= 0xE0 and <= 0xEF => 3,
                >= 0xF0 and <= 0xF4 => 4,
                _ => 0,
            };
            if (length > 0 && k + length <= run.Length && TryDecode(run.Slice(k, length), sequence[..length], out var decoded))
            {
                sb.Append(decoded);
                changed = true;
                k += length;
            }
            else
            {
                sb.Append(run[k]);
                k++;
            }
        }

        return changed;
    }

    private static bool TryDecode(ReadOnlySpan<char> chars, Span<byte> bytes, out string decoded)
    {
        decoded = string.Empty;
        for (var k = 0; k < chars.Length; k++)
        {
            bytes[k] = ToByte[chars[k]];
            if (k > 0 && bytes[k] is < 0x80 or > 0xBF)
            {
                return false;
            }
        }

        try
        {
            decoded = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        foreach (var c in decoded)
        {
            if (char.IsControl(c))
            {
                return false;
            }
        }

        return true;
    }

    private static Dictionary<char, byte> BuildMap()
    {
        var map = new Dictionary<char, byte>();
        for (var b = 0x80; b <= 0xFF; b++)
        {
            var c = b < 0xA0 ? Cp1252High[b - 0x80] : (char)b;
            map[c] = (byte)b;
        }

        // Latin-1 reading of the bytes cp1252 defines (0x80..0x9F as C1 controls) also counts.
        for (var b = 0x80; b < 0xA0; b++)
        {
            map.TryAdd((char)b, (byte)b);
        }

        return map;
    }
}
