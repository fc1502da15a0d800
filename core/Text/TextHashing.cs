using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Corpus.Core.Text;

/// <summary>
/// Text to 64-bit token hashes, shared by MinHash and decontamination: NFC, lower case, words as
/// runs of letters and digits (marks stay with their letter); in character mode every letter or
/// digit is a token of its own, for scripts written without spaces.
/// </summary>
public static class TextHashing
{
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    /// <summary>A strong 64-bit finalizer (splitmix64's).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix64(ulong x)
    {
        x ^= x >> 30;
        x *= 0xBF58476D1CE4E5B9UL;
        x ^= x >> 27;
        x *= 0x94D049BB133111EBUL;
        x ^= x >> 31;
        return x;
    }

    /// <summary>True when most letters of the text belong to scripts written without spaces between words.</summary>
    public static bool IsUnsegmented(ReadOnlySpan<char> text)
    {
        int letters = 0;
        int unsegmented = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (!Rune.IsLetter(rune))
            {
                continue;
            }

            letters++;
            if (IsUnsegmentedScript(rune.Value))
            {
                unsegmented++;
            }
        }

        return letters > 0 && unsegmented * 2 >= letters;
    }

    internal static bool IsUnsegmentedScript(int c) =>
        c is (>= 0x0E00 and <= 0x0EFF) // Thai, Lao
            or (>= 0x0F00 and <= 0x0FFF) // Tibetan
            or (>= 0x1000 and <= 0x109F) // Myanmar
            or (>= 0x1780 and <= 0x17FF) // Khmer
            or (>= 0x2E80 and <= 0x2FDF) // CJK radicals
            or (>= 0x3040 and <= 0x30FF) // Hiragana, Katakana
            or (>= 0x3100 and <= 0x312F) // Bopomofo
            or (>= 0x31F0 and <= 0x31FF)
            or (>= 0x3400 and <= 0x4DBF) // CJK extension A
            or (>= 0x4E00 and <= 0x9FFF) // CJK unified
            or (>= 0xF900 and <= 0xFAFF)
            or (>= 0x20000 and <= 0x3FFFF);

    /// <summary>
    /// Appends one hash per token of <paramref name="text"/> to <paramref name="tokens"/>
    /// (rented from the shared pool; grown by renting a larger one). Returns the token count.
    /// </summary>
    public static int HashTokens(ReadOnlySpan<char> text, bool characters, ref ulong[] tokens)
    {
        var normalized = Nfc.NormalizeIfNeeded(text);
        if (normalized is not null)
        {
            text = normalized;
        }

        int count = 0;
        ulong h = FnvOffset;
        int length = 0;
        int i = 0;
        while (i < text.Length)
        {
            Rune rune;
            char c = text[i];
            if (!char.IsSurrogate(c))
            {
                rune = new Rune(c);
                i++;
            }
            else if (Rune.DecodeFromUtf16(text[i..], out rune, out int used) == OperationStatus.Done)
            {
                i += used;
            }
            else
            {
                i++;
                rune = Rune.ReplacementChar;
            }

            bool wordChar;
            if (rune.Value < 0x80)
            {
                wordChar = char.IsAsciiLetterOrDigit((char)rune.Value);
            }
            else
            {
                var category = Rune.GetUnicodeCategory(rune);
                wordChar = Rune.IsLetterOrDigit(rune)
                    || (length > 0 && category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark);
            }

            if (wordChar)
            {
                if (characters && length > 0 && !Rune.IsLetterOrDigit(rune))
                {
                    // a combining mark joins the character before it
                }
                else if (characters && length > 0)
                {
                    Append(ref tokens, ref count, Finish(h, length));
                    h = FnvOffset;
                    length = 0;
                }

                int value = rune.Value < 0x80 ? (rune.Value is >= 'A' and <= 'Z' ? rune.Value + 32 : rune.Value) : Rune.ToLowerInvariant(rune).Value;
                h = (h ^ (uint)value) * FnvPrime;
                length++;
            }
            else if (length > 0)
            {
                Append(ref tokens, ref count, Finish(h, length));
                h = FnvOffset;
                length = 0;
            }
        }

        if (length > 0)
        {
            Append(ref tokens, ref count, Finish(h, length));
        }

        return count;
    }

    private static ulong Finish(ulong h, int length) => Mix64(h ^ ((ulong)length << 56));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Append(ref ulong[] tokens, ref int count, ulong value)
    {
        if (count == tokens.Length)
        {
            var larger = ArrayPool<ulong>.Shared.Rent(Math.Max(256, tokens.Length * 2));
            tokens.AsSpan(0, count).CopyTo(larger);
            ArrayPool<ulong>.Shared.Return(tokens);
            tokens = larger;
        }

        tokens[count++] = value;
    }

    /// <summary>
    /// The 128-bit exact-duplicate key: NFC, lower case, runs of white space collapsed to one space
    /// and trimmed, hashed by two independent 64-bit streams.
    /// </summary>
    public static UInt128 ExactKey(ReadOnlySpan<char> text)
    {
        var normalized = Nfc.NormalizeIfNeeded(text);
        if (normalized is not null)
        {
            text = normalized;
        }

        ulong a = FnvOffset;
        ulong b = 0x9E3779B97F4A7C15UL;
        bool pendingSpace = false;
        bool any = false;
        long n = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune))
            {
                pendingSpace = any;
                continue;
            }

            if (pendingSpace)
            {
                a = (a ^ ' ') * FnvPrime;
                b = (b + ' ') * 0xD6E8FEB86659FD93UL;
                b ^= b >> 32;
                pendingSpace = false;
            }

            uint value = (uint)Rune.ToLowerInvariant(rune).Value;
            a = (a ^ value) * FnvPrime;
            b = (b + value) * 0xD6E8FEB86659FD93UL;
            b ^= b >> 32;
            any = true;
            n++;
        }

        return new UInt128(Mix64(a ^ (ulong)n), Mix64(b + (ulong)n * 0x9E3779B97F4A7C15UL));
    }
}
