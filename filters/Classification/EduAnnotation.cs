using System.Globalization;
using System.Text.RegularExpressions;

namespace Corpus.Filters.Classification;

/// <summary>
/// A model's annotation of one document: its educational score (0 to 5) and domain (one of
/// <see cref="ContentDomains.All"/>), read from the answer to <see cref="EduPrompt"/>.
/// </summary>
/// <param name="EduScore">Educational value, 0 (none) to 5 (outstanding).</param>
/// <param name="Domain">The domain, normalized to the fixed list.</param>
public sealed partial record EduAnnotation(int EduScore, string Domain)
{
    /// <summary>The highest educational score.</summary>
    public const int MaxScore = 5;

    /// <summary>Reads an annotation from a model's answer; false when the answer holds none.</summary>
    public static bool TryParse(string response, out EduAnnotation annotation) => TryParse(response, out annotation, out _);

    /// <summary>
    /// Reads an annotation from a model's answer, tolerantly: thinking (<c>&lt;think&gt;…&lt;/think&gt;</c>)
    /// is skipped; the last <c>Educational score: N</c> and <c>Domain: X</c> win; case, Markdown emphasis,
    /// <c>N/5</c>, <c>N out of 5</c>, <c>4.0</c> and domain synonyms (<c>Mathematics</c>) are accepted.
    /// When it fails, <paramref name="reason"/> says why in a few words (empty answer, no score line,
    /// score out of range, no domain line, unknown domain) and quotes what was found.
    /// </summary>
    public static bool TryParse(string response, out EduAnnotation annotation, out string reason)
    {
        annotation = new EduAnnotation(0, "other");
        if (string.IsNullOrWhiteSpace(response))
        {
            reason = "empty response";
            return false;
        }

        var text = ThinkBlock().Replace(response, " ");
        if (text.Contains("<think>", StringComparison.OrdinalIgnoreCase))
        {
            // Thinking that never closed (cut by max tokens): nothing after it is an answer.
            reason = "the response ends inside <think> (no answer after the thinking)";
            return false;
        }

        var scores = ScoreLine().Matches(text);
        if (scores.Count == 0)
        {
            scores = BareScoreLine().Matches(text);
        }

        if (scores.Count == 0)
        {
            reason = $"no 'Educational score: N' line in: {Excerpt(text)}";
            return false;
        }

        var scoreText = scores[^1].Groups["n"].Value;
        if (!double.TryParse(scoreText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value != Math.Floor(value))
        {
            reason = $"educational score '{scoreText}' is not a whole number";
            return false;
        }

        if (value > MaxScore)
        {
            reason = $"educational score {scoreText} is outside 0 to {MaxScore}";
            return false;
        }

        var domains = DomainLine().Matches(text);
        if (domains.Count == 0)
        {
            reason = $"no 'Domain: X' line in: {Excerpt(text)}";
            return false;
        }

        var word = domains[^1].Groups["d"].Value.Trim();
        if (!ContentDomains.TryNormalize(word, out var domain))
        {
            reason = $"domain '{word}' is not one of {string.Join(", ", ContentDomains.All)}";
            return false;
        }

        annotation = new EduAnnotation((int)value, domain);
        reason = string.Empty;
        return true;
    }

    private static string Excerpt(string text)
    {
        var flat = string.Join(' ', text.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        return flat.Length <= 120 ? $"'{flat}'" : $"'…{flat[^120..]}'";
    }

    [GeneratedRegex(@"<think>.*?</think>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex ThinkBlock();

    [GeneratedRegex(@"educational[ _-]*(?:value[ _-]*)?score[\s*_:=\-]*(?:is[\s*]*)?\(?(?<n>-?\d+(?:\.\d+)?)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ScoreLine();

    [GeneratedRegex(@"^[\s*_#>-]*(?:total[ ]+)?(?:score|points)[\s*_]*[:=][\s*_]*(?<n>-?\d+(?:\.\d+)?)", RegexOptions.IgnoreCase | RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex BareScoreLine();

    [GeneratedRegex(@"^[\s*_#>-]*domain[\s*_]*[:=][\s*_`""']*(?<d>[A-Za-z][\w &/-]{0,38}?)[\s*_`""'.]*$", RegexOptions.IgnoreCase | RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex DomainLine();
}
