using System.Text;

namespace Corpus.Ingest.Web;

/// <summary>
/// RFC 3492 Punycode encoding of one domain label (the <c>xn--</c> form of an IDN). Written here
/// rather than taken from <see cref="System.Globalization.IdnMapping"/> because the tool runs with
/// invariant globalization, where the runtime's IDN support is not available.
/// </summary>
internal static class Punycode
{
    private const int Base = 36;
    private const int TMin = 1;
    private const int TMax = 26;
    private const int Skew = 38;
    private const int Damp = 700;
    private const int InitialBias = 72;
    private const int InitialN = 128;

    /// <summary>The ASCII form of <paramref name="label"/>: itself when ASCII, else <c>xn--</c> and its Punycode.</summary>
    public static string EncodeLabel(string label)
    {
        var codePoints = new List<int>();
        for (var i = 0; i < label.Length; i++)
        {
            var cp = char.ConvertToUtf32(label, i);
            codePoints.Add(cp);
            if (cp > 0xFFFF)
            {
                i++;
            }
        }

        if (codePoints.TrueForAll(cp => cp < 0x80))
        {
            return label;
        }

        var output = new StringBuilder("xn--");
        foreach (var cp in codePoints.Where(cp => cp < 0x80))
        {
            output.Append((char)cp);
        }

        var basicCount = output.Length - 4;
        var handled = basicCount;
        if (basicCount > 0)
        {
            output.Append('-');
        }

        int n = InitialN, delta = 0, bias = InitialBias;
        while (handled < codePoints.Count)
        {
            var m = codePoints.Where(cp => cp >= n).Min();
            delta = checked(delta + ((m - n) * (handled + 1)));
            n = m;
            foreach (var cp in codePoints)
            {
                if (cp < n)
                {
                    delta++;
                }

                if (cp != n)
                {
                    continue;
                }

                var q = delta;
                for (var k = Base; ; k += Base)
                {
                    var t = k <= bias ? TMin : k >= bias + TMax ? TMax : k - bias;
                    if (q < t)
                    {
                        break;
                    }

                    output.Append(Digit(t + ((q - t) % (Base - t))));
                    q = (q - t) / (Base - t);
                }

                output.Append(Digit(q));
                bias = Adapt(delta, handled + 1, handled == basicCount);
                delta = 0;
                handled++;
            }

            delta++;
            n++;
        }

        return output.ToString();
    }

    private static char Digit(int d) => (char)(d < 26 ? 'a' + d : '0' + d - 26);

    private static int Adapt(int delta, int numPoints, bool first)
    {
        delta = first ? delta / Damp : delta / 2;
        delta += delta / numPoints;
        var k = 0;
        while (delta > ((Base - TMin) * TMax) / 2)
        {
            delta /= Base - TMin;
            k += Base;
        }

        return k + (((Base - TMin + 1) * delta) / (delta + Skew));
    }
}
