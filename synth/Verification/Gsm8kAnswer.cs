namespace Corpus.Synth.Verification;

/// <summary>Reads the known answer of a GSM8K-style seed, whose answer field ends in <c>#### 72</c>.</summary>
public static class Gsm8kAnswer
{
    private const string Marker = "####";

    /// <summary>
    /// The text after the last <c>####</c> of <paramref name="answerField"/>, trimmed (<c>"... #### 72"</c>
    /// gives <c>72</c>); a field without the marker is taken as the answer itself, trimmed. Null when
    /// nothing is left.
    /// </summary>
    public static string? Parse(string answerField)
    {
        ArgumentNullException.ThrowIfNull(answerField);
        var at = answerField.LastIndexOf(Marker, StringComparison.Ordinal);
        var answer = (at < 0 ? answerField : answerField[(at + Marker.Length)..]).Trim();
        return answer.Length == 0 ? null : answer;
    }
}
