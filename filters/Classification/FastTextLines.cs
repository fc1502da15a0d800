using System.Globalization;
using System.Text;

namespace Corpus.Filters.Classification;

/// <summary>
/// fastText's supervised training format for the two classifiers: one example a line,
/// <c>__label__edu_3 text</c> and <c>__label__domain_math text</c>, the text flattened to one line.
/// </summary>
public static class FastTextLines
{
    /// <summary>fastText's default label prefix.</summary>
    public const string LabelPrefix = "__label__";

    /// <summary>The prefix of educational-score labels after <see cref="LabelPrefix"/>: <c>edu_0</c> … <c>edu_5</c>.</summary>
    public const string EduPrefix = "edu_";

    /// <summary>The prefix of domain labels after <see cref="LabelPrefix"/>: <c>domain_math</c>.</summary>
    public const string DomainPrefix = "domain_";

    /// <summary>A training line for the educational-score classifier.</summary>
    public static string EduLine(int score, string text, int maxChars = int.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(score);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(score, EduAnnotation.MaxScore);
        return string.Create(CultureInfo.InvariantCulture, $"{LabelPrefix}{EduPrefix}{score} {Flatten(text, maxChars)}");
    }

    /// <summary>A training line for the domain classifier.</summary>
    public static string DomainLine(string domain, string text, int maxChars = int.MaxValue)
    {
        if (!ContentDomains.TryNormalize(domain, out var d))
        {
            throw new ArgumentException($"'{domain}' is not one of {string.Join(", ", ContentDomains.All)}", nameof(domain));
        }

        return $"{LabelPrefix}{DomainPrefix}{d} {Flatten(text, maxChars)}";
    }

    /// <summary>
    /// The text on one line as fastText reads it: every run of whitespace (line breaks, tabs, Unicode
    /// spaces, and control characters) becomes one space, ends trimmed, cut to <paramref name="maxChars"/>
    /// at a word boundary. A word that starts with the label prefix loses it, so text never adds a label.
    /// </summary>
    public static string Flatten(string text, int maxChars = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChars, 1);
        var sb = new StringBuilder(Math.Min(text.Length, maxChars) + 16);
        var pendingSpace = false;
        var wordStart = true;
        for (var i = 0; i < text.Length && sb.Length <= maxChars; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                pendingSpace = sb.Length > 0;
                wordStart = true;
                continue;
            }

            if (wordStart && string.CompareOrdinal(text, i, LabelPrefix, 0, LabelPrefix.Length) == 0)
            {
                i += LabelPrefix.Length - 1;
                continue;
            }

            if (pendingSpace)
            {
                sb.Append(' ');
                pendingSpace = false;
            }

            sb.Append(c);
            wordStart = false;
        }

        if (sb.Length > maxChars)
        {
            // Cut at the last space that keeps the line within maxChars; a single long word is cut where it must be.
            var cut = maxChars;
            for (var j = maxChars; j > 0; j--)
            {
                if (sb[j] == ' ')
                {
                    cut = j;
                    break;
                }
            }

            if (char.IsHighSurrogate(sb[cut - 1]))
            {
                cut--;
            }

            sb.Length = cut;
        }

        return sb.ToString();
    }

    /// <summary>The educational score a label stands for (<c>__label__edu_3</c> or <c>edu_3</c> → 3); false for other labels.</summary>
    public static bool TryEduScore(string label, out int score)
    {
        ArgumentNullException.ThrowIfNull(label);
        var name = label.StartsWith(LabelPrefix, StringComparison.Ordinal) ? label[LabelPrefix.Length..] : label;
        score = 0;
        return name.StartsWith(EduPrefix, StringComparison.Ordinal)
            && int.TryParse(name.AsSpan(EduPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out score)
            && score <= EduAnnotation.MaxScore;
    }

    /// <summary>The domain a label stands for (<c>__label__domain_math</c> or <c>domain_math</c> → math); the label itself without prefixes otherwise.</summary>
    public static string DomainOf(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        var name = label.StartsWith(LabelPrefix, StringComparison.Ordinal) ? label[LabelPrefix.Length..] : label;
        return name.StartsWith(DomainPrefix, StringComparison.Ordinal) ? name[DomainPrefix.Length..] : name;
    }
}
