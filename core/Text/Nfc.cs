using System.Buffers;
using System.Text;

namespace Corpus.Core.Text;

/// <summary>
/// Unicode Normalization Form C, self-contained: .NET's <see cref="string.Normalize()"/> does nothing
/// under InvariantGlobalization, which this project runs with. The data (<see cref="NfcData"/>) is
/// generated from Python's unicodedata. Lone surrogates become U+FFFD, as they would in UTF-8.
/// </summary>
public static class Nfc
{
    private const byte QuickCheckNo = 1;
    private const byte QuickCheckMaybe = 2;

    private const int HangulSBase = 0xAC00;
    private const int HangulLBase = 0x1100;
    private const int HangulVBase = 0x1161;
    private const int HangulTBase = 0x11A7;
    private const int HangulLCount = 19;
    private const int HangulVCount = 21;
    private const int HangulTCount = 28;
    private const int HangulNCount = HangulVCount * HangulTCount;
    private const int HangulSCount = HangulLCount * HangulNCount;

    /// <summary>Below this every code point is its own NFC, with combining class 0, and never composes with what precedes it.</summary>
    private const char FirstInteresting = '\u0300';

    private static readonly Tables Data = new();

    /// <summary>Returns <paramref name="text"/> in NFC, or null when it already is.</summary>
    public static string? NormalizeIfNeeded(ReadOnlySpan<char> text)
    {
        int first = text.IndexOfAnyInRange(FirstInteresting, '\uFFFF');
        if (first < 0 || IsQuickCheckYes(text[first..]))
        {
            return null;
        }

        string normalized = Normalize(text);
        return text.SequenceEqual(normalized) ? null : normalized;
    }

    /// <summary>Returns <paramref name="text"/> in NFC.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return NormalizeIfNeeded(text) ?? text;
    }

    /// <summary>
    /// Returns <paramref name="text"/> in NFC. Long text is normalized in segments cut just before a
    /// character that has combining class 0 and NFC quick check Yes (nothing before such a character
    /// can compose or reorder with it), so scratch memory stays bounded whatever the length.
    /// </summary>
    public static string Normalize(ReadOnlySpan<char> text)
    {
        if (text.Length <= SegmentChars)
        {
            return NormalizeSegment(text);
        }

        var result = new StringBuilder(text.Length + 16);
        int start = 0;
        while (start < text.Length)
        {
            int end = Math.Min(start + SegmentChars, text.Length);
            if (end < text.Length)
            {
                int cut = end;
                while (cut > start + 1 && !IsBoundaryBefore(text[cut]))
                {
                    cut--;
                }

                if (cut == start + 1 && !IsBoundaryBefore(text[cut]))
                {
                    cut = end;
                    while (cut < text.Length && !IsBoundaryBefore(text[cut]))
                    {
                        cut++;
                    }
                }

                end = cut;
            }

            result.Append(NormalizeSegment(text[start..end]));
            start = end;
        }

        return result.ToString();
    }

    /// <summary>Segment length for <see cref="Normalize(ReadOnlySpan{char})"/>; internal so tests can cross segment boundaries.</summary>
    internal static int SegmentChars { get; set; } = 1 << 16;

    private static bool IsBoundaryBefore(char c) =>
        c < FirstInteresting || (!char.IsSurrogate(c) && Data.QuickCheck(c) == 0 && Data.CombiningClass(c) == 0);

    private static string NormalizeSegment(ReadOnlySpan<char> text)
    {
        int[] buffer = ArrayPool<int>.Shared.Rent(text.Length * 4 + 4);
        try
        {
            int count = 0;
            for (int i = 0; i < text.Length; i++)
            {
                int codePoint = NextCodePoint(text, ref i);
                Decompose(codePoint, buffer, ref count);
            }

            ReorderCanonically(buffer.AsSpan(0, count));
            count = Compose(buffer.AsSpan(0, count));
            var builder = new StringBuilder(count + 8);
            foreach (int codePoint in buffer.AsSpan(0, count))
            {
                if (codePoint < 0x10000)
                {
                    builder.Append((char)codePoint);
                }
                else
                {
                    builder.Append(char.ConvertFromUtf32(codePoint));
                }
            }

            return builder.ToString();
        }
        finally
        {
            ArrayPool<int>.Shared.Return(buffer);
        }
    }

    private static bool IsQuickCheckYes(ReadOnlySpan<char> text)
    {
        int lastClass = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c < FirstInteresting)
            {
                lastClass = 0;
                continue;
            }

            if (char.IsSurrogate(c) && !(char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])))
            {
                return false;
            }

            int codePoint = NextCodePoint(text, ref i);
            if (Data.QuickCheck(codePoint) != 0)
            {
                return false;
            }

            int combiningClass = Data.CombiningClass(codePoint);
            if (combiningClass != 0 && lastClass > combiningClass)
            {
                return false;
            }

            lastClass = combiningClass;
        }

        return true;
    }

    private static int NextCodePoint(ReadOnlySpan<char> text, ref int i)
    {
        char c = text[i];
        if (!char.IsSurrogate(c))
        {
            return c;
        }

        if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            return char.ConvertToUtf32(c, text[++i]);
        }

        return 0xFFFD;
    }

    private static void Decompose(int codePoint, int[] output, ref int count)
    {
        int s = codePoint - HangulSBase;
        if ((uint)s < HangulSCount)
        {
            output[count++] = HangulLBase + s / HangulNCount;
            output[count++] = HangulVBase + s % HangulNCount / HangulTCount;
            if (s % HangulTCount != 0)
            {
                output[count++] = HangulTBase + s % HangulTCount;
            }

            return;
        }

        if (codePoint >= 0xC0)
        {
            if (Data.TryGetDecomposition(codePoint, out int first, out int second))
            {
                Decompose(first, output, ref count);
                if (second >= 0)
                {
                    Decompose(second, output, ref count);
                }

                return;
            }
        }

        output[count++] = codePoint;
    }

    private static void ReorderCanonically(Span<int> codePoints)
    {
        for (int i = 1; i < codePoints.Length; i++)
        {
            int combiningClass = Data.CombiningClass(codePoints[i]);
            if (combiningClass == 0)
            {
                continue;
            }

            int current = codePoints[i];
            int j = i;
            while (j > 0 && Data.CombiningClass(codePoints[j - 1]) > combiningClass)
            {
                codePoints[j] = codePoints[j - 1];
                j--;
            }

            codePoints[j] = current;
        }
    }

    private static int Compose(Span<int> codePoints)
    {
        if (codePoints.IsEmpty)
        {
            return 0;
        }

        int starterIndex = 0;
        int starter = codePoints[0];
        int lastClass = Data.CombiningClass(starter);
        if (lastClass != 0)
        {
            lastClass = 256; // a leading non-starter blocks composition with anything after it
        }

        int length = 1;
        for (int i = 1; i < codePoints.Length; i++)
        {
            int codePoint = codePoints[i];
            int combiningClass = Data.CombiningClass(codePoint);
            if ((lastClass < combiningClass || lastClass == 0) && TryCompose(starter, codePoint, out int composite))
            {
                codePoints[starterIndex] = composite;
                starter = composite;
                continue;
            }

            if (combiningClass == 0)
            {
                starterIndex = length;
                starter = codePoint;
            }

            lastClass = combiningClass;
            codePoints[length++] = codePoint;
        }

        return length;
    }

    private static bool TryCompose(int first, int second, out int composite)
    {
        int l = first - HangulLBase;
        if ((uint)l < HangulLCount)
        {
            int v = second - HangulVBase;
            if ((uint)v < HangulVCount)
            {
                composite = HangulSBase + (l * HangulVCount + v) * HangulTCount;
                return true;
            }
        }

        int s = first - HangulSBase;
        if ((uint)s < HangulSCount && s % HangulTCount == 0)
        {
            int t = second - HangulTBase;
            if (t > 0 && t < HangulTCount)
            {
                composite = first + t;
                return true;
            }
        }

        return Data.TryCompose(first, second, out composite);
    }

    private sealed class Tables
    {
        private readonly byte[] _bmpClass = new byte[0x10000];
        private readonly byte[] _bmpQuickCheck = new byte[0x10000];
        private readonly Dictionary<int, byte> _astralClass = [];
        private readonly Dictionary<int, byte> _astralQuickCheck = [];
        private readonly Dictionary<int, (int First, int Second)> _decompositions = [];
        private readonly Dictionary<long, int> _compositions = [];

        public Tables()
        {
            var classes = NfcData.CombiningClasses;
            for (int i = 0; i < classes.Length; i += 2)
            {
                Set(_bmpClass, _astralClass, classes[i], (byte)classes[i + 1]);
            }

            var decompositions = NfcData.Decompositions;
            for (int i = 0; i < decompositions.Length; i += 4)
            {
                int codePoint = decompositions[i];
                int first = decompositions[i + 1];
                int second = decompositions[i + 2];
                _decompositions[codePoint] = (first, second);
                if (decompositions[i + 3] == 1)
                {
                    _compositions[Key(first, second)] = codePoint;
                    Set(_bmpQuickCheck, _astralQuickCheck, second, (byte)(QuickCheck(second) | QuickCheckMaybe));
                }
                else
                {
                    Set(_bmpQuickCheck, _astralQuickCheck, codePoint, (byte)(QuickCheck(codePoint) | QuickCheckNo));
                }
            }

            // Hangul vowels and trailing consonants compose with what precedes them.
            for (int c = HangulVBase; c < HangulVBase + HangulVCount; c++)
            {
                _bmpQuickCheck[c] |= QuickCheckMaybe;
            }

            for (int c = HangulTBase + 1; c < HangulTBase + HangulTCount; c++)
            {
                _bmpQuickCheck[c] |= QuickCheckMaybe;
            }
        }

        public int CombiningClass(int codePoint) =>
            codePoint < 0x10000 ? _bmpClass[codePoint] : _astralClass.GetValueOrDefault(codePoint);

        public byte QuickCheck(int codePoint) =>
            codePoint < 0x10000 ? _bmpQuickCheck[codePoint] : _astralQuickCheck.GetValueOrDefault(codePoint);

        public bool TryGetDecomposition(int codePoint, out int first, out int second)
        {
            if (_decompositions.TryGetValue(codePoint, out var pair))
            {
                (first, second) = pair;
                return true;
            }

            first = second = -1;
            return false;
        }

        public bool TryCompose(int first, int second, out int composite) => _compositions.TryGetValue(Key(first, second), out composite);

        private static long Key(int first, int second) => ((long)first << 32) | (uint)second;

        private static void Set(byte[] bmp, Dictionary<int, byte> astral, int codePoint, byte value)
        {
            if (codePoint < 0x10000)
            {
                bmp[codePoint] = value;
            }
            else
            {
                astral[codePoint] = value;
            }
        }
    }
}
