using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.RegularExpressions;

namespace Corpus.Synth.Verification;

/// <summary>
/// Compares final math answers: normalised LaTeX, numbers as exact numbers (integers, decimals,
/// fractions, signs and a percent sign: <c>3/4</c>, <c>\frac{3}{4}</c>, <c>0.75</c> and <c>0.750</c> are
/// one answer), anything else as the normalised string.
/// </summary>
public static partial class MathAnswer
{
    private static readonly string[] Dropped = ["\\$", "\\left", "\\right", "\\!", "\\,", "\\;", "\\:", "\\ ", "~", "$", "^{\\circ}", "^\\circ", "\\circ", "\\displaystyle"];
    private static readonly string[] Unwrapped = ["\\text", "\\textbf", "\\textrm", "\\textit", "\\mathrm", "\\mathbf", "\\mbox", "\\operatorname"];

    /// <summary>
    /// <paramref name="answer"/> without <c>$</c>, spaces, <c>\,</c>-style spacing, <c>\left</c>/<c>\right</c>,
    /// degree signs, <c>\text{}</c>-style wrappers (their content kept), enclosing braces, a trailing
    /// <c>.</c>, a leading <c>x =</c>, and thousands separators (<c>1,000</c>); <c>\dfrac</c>,
    /// <c>\tfrac</c> and <c>\frac{a}{b}</c> become <c>a/b</c> (<c>(a)/(b)</c> when a part is not a plain number).
    /// </summary>
    public static string Normalize(string answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var s = answer.Trim();
        foreach (var wrapper in Unwrapped)
        {
            s = UnwrapCommand(s, wrapper);
        }

        foreach (var drop in Dropped)
        {
            s = s.Replace(drop, string.Empty, StringComparison.Ordinal);
        }

        s = s.Replace("\\%", "%", StringComparison.Ordinal)
            .Replace("\\dfrac", "\\frac", StringComparison.Ordinal)
            .Replace("\\tfrac", "\\frac", StringComparison.Ordinal);
        s = Whitespace().Replace(s, string.Empty);
        s = Fractions(s);
        while (s.Length > 2 && s[0] == '{' && s[^1] == '}' && Balanced(s.AsSpan(1, s.Length - 2)))
        {
            s = s[1..^1];
        }

        s = s.TrimEnd('.');
        s = LeadingVariable().Replace(s, string.Empty);
        if (Thousands().IsMatch(s))
        {
            s = s.Replace(",", string.Empty, StringComparison.Ordinal);
        }

        return s;
    }

    /// <summary>Whether two answers are the same: equal as numbers when both are numbers, else equal once normalised.</summary>
    public static bool AreEquivalent(string left, string right) => CanonicalKey(left) == CanonicalKey(right);

    /// <summary>One key per answer: <c>n:3/4</c> for a number (reduced fraction), <c>s:…</c> for the normalised string.</summary>
    internal static string CanonicalKey(string answer)
    {
        var normalized = Normalize(answer);
        return TryParseNumber(normalized, out var numerator, out var denominator)
            ? string.Create(CultureInfo.InvariantCulture, $"n:{numerator}/{denominator}")
            : "s:" + normalized;
    }

    /// <summary>Parses a normalised number: an integer or decimal, or a fraction of two, with a sign and a trailing <c>%</c>; reduced, denominator positive.</summary>
    internal static bool TryParseNumber(string normalized, out BigInteger numerator, out BigInteger denominator)
    {
        numerator = BigInteger.Zero;
        denominator = BigInteger.One;
        var s = normalized.EndsWith('%') ? normalized[..^1] : normalized;
        var negative = false;
        while (s.Length > 0 && s[0] is '-' or '+')
        {
            negative ^= s[0] == '-';
            s = s[1..];
        }

        var slash = s.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            if (!TryDecimal(Unparenthesize(s), out numerator, out denominator))
            {
                return false;
            }
        }
        else
        {
            if (!TryDecimal(Unparenthesize(s[..slash]), out var topN, out var topD)
                || !TryDecimal(Unparenthesize(s[(slash + 1)..]), out var bottomN, out var bottomD)
                || bottomN.IsZero)
            {
                return false;
            }

            numerator = topN * bottomD;
            denominator = topD * bottomN;
        }

        if (denominator.Sign < 0)
        {
            numerator = -numerator;
            denominator = -denominator;
        }

        if (negative)
        {
            numerator = -numerator;
        }

        var gcd = BigInteger.GreatestCommonDivisor(numerator, denominator);
        if (!gcd.IsZero && !gcd.IsOne)
        {
            numerator /= gcd;
            denominator /= gcd;
        }

        return true;
    }

    private static string Unparenthesize(string s) => s.Length > 2 && s[0] == '(' && s[^1] == ')' ? s[1..^1] : s;

    private static bool TryDecimal(string s, out BigInteger numerator, out BigInteger denominator)
    {
        numerator = BigInteger.Zero;
        denominator = BigInteger.One;
        var match = DecimalNumber().Match(s);
        if (!match.Success)
        {
            return false;
        }

        var whole = match.Groups["whole"].Value;
        var fraction = match.Groups["fraction"].Value;
        var digits = whole + fraction;
        numerator = BigInteger.Parse(digits.Length > 0 ? digits : "0", CultureInfo.InvariantCulture);
        denominator = BigInteger.Pow(10, fraction.Length);
        if (match.Groups["sign"].Value == "-")
        {
            numerator = -numerator;
        }

        return true;
    }

    /// <summary><c>\frac{a}{b}</c> and <c>\frac12</c> to <c>a/b</c>, innermost first.</summary>
    private static string Fractions(string s)
    {
        for (var guard = 0; guard < 64; guard++)
        {
            var at = s.LastIndexOf("\\frac", StringComparison.Ordinal);
            if (at < 0)
            {
                return s;
            }

            var i = at + 5;
            if (!TryArgument(s, ref i, out var top) || !TryArgument(s, ref i, out var bottom))
            {
                return s;
            }

            var text = TryDecimal(top, out _, out _) && TryDecimal(bottom, out _, out _) ? $"{top}/{bottom}" : $"({top})/({bottom})";
            s = string.Concat(s.AsSpan(0, at), text, s.AsSpan(i));
        }

        return s;
    }

    /// <summary>One TeX argument at <paramref name="i"/>: a braced group or a single character.</summary>
    private static bool TryArgument(string s, ref int i, out string argument)
    {
        argument = string.Empty;
        if (i >= s.Length)
        {
            return false;
        }

        if (s[i] != '{')
        {
            argument = s[i].ToString();
            i++;
            return true;
        }

        var depth = 0;
        for (var j = i; j < s.Length; j++)
        {
            if (s[j] == '{')
            {
                depth++;
            }
            else if (s[j] == '}' && --depth == 0)
            {
                argument = s[(i + 1)..j];
                i = j + 1;
                return true;
            }
        }

        return false;
    }

    private static string UnwrapCommand(string s, string command)
    {
        var text = new StringBuilder(s.Length);
        var i = 0;
        while (i < s.Length)
        {
            var at = s.IndexOf(command + "{", i, StringComparison.Ordinal);
            if (at < 0)
            {
                break;
            }

            var argumentStart = at + command.Length;
            var j = argumentStart;
            if (!TryArgument(s, ref j, out var content))
            {
                break;
            }

            text.Append(s, i, at - i).Append(content);
            i = j;
        }

        return text.Append(s, i, s.Length - i).ToString();
    }

    private static bool Balanced(ReadOnlySpan<char> s)
    {
        var depth = 0;
        foreach (var c in s)
        {
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            if (depth < 0)
            {
                return false;
            }
        }

        return depth == 0;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^[a-zA-Z]=(?=.)")]
    private static partial Regex LeadingVariable();

    [GeneratedRegex(@"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?%?$")]
    private static partial Regex Thousands();

    [GeneratedRegex(@"^(?<sign>[+-]?)(?:(?<whole>\d+)(?:\.(?<fraction>\d*))?|\.(?<fraction>\d+))$")]
    private static partial Regex DecimalNumber();
}
