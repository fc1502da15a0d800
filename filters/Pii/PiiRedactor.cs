using System.Text;
using System.Text.RegularExpressions;

namespace Corpus.Filters.Pii;

/// <summary>The kinds of personal data <see cref="PiiRedactor"/> replaces.</summary>
public enum PiiKind
{
    /// <summary>An e-mail address, replaced by <c>&lt;EMAIL&gt;</c>.</summary>
    Email,

    /// <summary>An IPv4 or IPv6 address, replaced by <c>&lt;IP&gt;</c>.</summary>
    IpAddress,

    /// <summary>A phone number, replaced by <c>&lt;PHONE&gt;</c>.</summary>
    Phone,

    /// <summary>A Luhn-valid payment-card number, replaced by <c>&lt;CARD&gt;</c>.</summary>
    PaymentCard,
}

/// <summary>The redacted text and how many of each kind were replaced.</summary>
public sealed record PiiRedaction(string Text, IReadOnlyDictionary<PiiKind, int> Counts)
{
    /// <summary>All replacements together.</summary>
    public int Total => Counts.Values.Sum();
}

/// <summary>Replaces e-mail addresses, IP addresses, phone numbers and payment-card numbers with placeholders.</summary>
public static partial class PiiRedactor
{
    /// <summary>Redacts <paramref name="text"/>; cards first (so a card is never read as a phone), then e-mails, IPs, phones.</summary>
    public static PiiRedaction Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var counts = new Dictionary<PiiKind, int>();
        var result = Replace(text, Card(), PiiKind.PaymentCard, "<CARD>", counts, m => Luhn(m.Value));
        result = Replace(result, Email(), PiiKind.Email, "<EMAIL>", counts, _ => true);
        result = Replace(result, IPv4(), PiiKind.IpAddress, "<IP>", counts, _ => true);
        result = Replace(result, IPv6(), PiiKind.IpAddress, "<IP>", counts, m => m.Value.Contains("::", StringComparison.Ordinal)
            ? m.Value.Split(':', StringSplitOptions.RemoveEmptyEntries).Length >= 3
            : true);
        result = Replace(result, Phone(), PiiKind.Phone, "<PHONE>", counts, m => DigitCount(m.Value) is >= 8 and <= 15);
        return new PiiRedaction(result, counts);
    }

    private static string Replace(string text, Regex regex, PiiKind kind, string placeholder, Dictionary<PiiKind, int> counts, Func<Match, bool> accept) =>
        regex.Replace(text, m =>
        {
            if (!accept(m))
            {
                return m.Value;
            }

            counts[kind] = counts.GetValueOrDefault(kind) + 1;
            return placeholder;
        });

    private static int DigitCount(string s) => s.Count(char.IsAsciiDigit);

    internal static bool Luhn(string candidate)
    {
        var digits = new StringBuilder();
        foreach (var c in candidate)
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
        }

        if (digits.Length is < 13 or > 19)
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
        }

        return sum % 10 == 0;
    }

    [GeneratedRegex(@"(?<![\w.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b")]
    private static partial Regex Email();

    [GeneratedRegex(@"(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?![\d]|\.\d)")]
    private static partial Regex IPv4();

    [GeneratedRegex(@"(?<![0-9A-Za-z:])(?:(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}|(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4}){0,6})?::(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4}){0,6})?)(?![0-9A-Za-z:])")]
    private static partial Regex IPv6();

    // Cards: 13–19 digits, unseparated or in groups of four (Amex 4-6-5), with single spaces or hyphens; issuer digit 2–6.
    [GeneratedRegex(@"(?<![\d-])(?:[2-6]\d{12,18}|[2-6]\d{3}(?:[ -]\d{4}){2}[ -]\d{1,7}|3\d{3}[ -]\d{6}[ -]\d{5})(?![\d-])")]
    private static partial Regex Card();

    // Phones: international (+CC ...) or national with a trunk zero or a NANP shape; 8–15 digits (checked after).
    [GeneratedRegex(@"(?<![\w+])(?:\+\d{1,3}[ .-]?(?:\(\d{1,4}\)[ .-]?)?\d{1,4}(?:[ .-]\d{1,4}){1,5}|\+\d{8,14}|\(?0\d{1,4}\)?[ /-]\d{2,4}(?:[ -]\d{2,4}){1,3}|\(\d{3}\)[ ]?\d{3}[-.]\d{4}|\d{3}[-.]\d{3}[-.]\d{4})(?![\w-])")]
    private static partial Regex Phone();
}
