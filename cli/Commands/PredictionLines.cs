using System.Globalization;
using System.Text;
using Corpus.FastText;
using Corpus.Filters.Languages;

namespace Corpus.Cli.Commands;

/// <summary>
/// What <c>corpus lid predict</c> and <c>corpus classify predict</c> write: for each input line (split
/// on LF only, as fastText reads them) the k most probable labels without the <c>__label__</c> prefix,
/// <c>label&lt;TAB&gt;probability</c> pairs separated by tabs (for <c>lid predict</c>, the identifier's
/// ranking of the languages unless it is asked for the model's own).
/// </summary>
internal static class PredictionLines
{
    private static readonly UTF8Encoding Utf8 = new(false, false);

    /// <summary>The fastText model's own top-k of each line (<c>classify predict</c>, <c>lid predict --raw</c>).</summary>
    public static Task WriteAsync(FastTextModel model, Stream input, Stream output, int k, CancellationToken ct)
    {
        var predictions = new FastTextPrediction[Math.Min(k, model.Labels.Count)];
        return WriteAsync(input, output, (line, sb) =>
        {
            var n = model.Predict(line.AsSpan(), predictions);
            for (var i = 0; i < n; i++)
            {
                AppendPair(sb, Bare(predictions[i].Label), predictions[i].Probability.ToString(ProbabilityFormat, CultureInfo.InvariantCulture));
            }
        }, ct);
    }

    /// <summary>
    /// <c>corpus lid predict</c>'s lines: the identifier's ranking of each line (<see cref="LanguageIdentifier.Rank"/>),
    /// <c>xxx_Scrp</c> codes.
    /// </summary>
    public static Task WriteAsync(LanguageIdentifier identifier, Stream input, Stream output, int k, CancellationToken ct) =>
        WriteAsync(input, output, (line, sb) =>
        {
            foreach (var candidate in identifier.Rank(line.AsSpan(), k))
            {
                AppendPair(sb, candidate.Language.ToString(), candidate.Probability.ToString(ProbabilityFormat, CultureInfo.InvariantCulture));
            }
        }, ct);

    private const string ProbabilityFormat = "0.#####";

    // One output line per input line: `answer` appends the line's pairs.
    private static async Task WriteAsync(Stream input, Stream output, Action<string, StringBuilder> answer, CancellationToken ct)
    {
        var reader = new LfLineReader(input);
        var writer = new StreamWriter(output, Utf8, 1 << 16, leaveOpen: true) { NewLine = "\n" };
        await using (writer.ConfigureAwait(false))
        {
            var sb = new StringBuilder();
            while (reader.TryReadLine(out var line))
            {
                ct.ThrowIfCancellationRequested();
                sb.Clear();
                answer(Utf8.GetString(line.Span), sb);
                await writer.WriteLineAsync(sb, ct).ConfigureAwait(false);
            }
        }
    }

    private static void AppendPair(StringBuilder sb, string label, string probability)
    {
        if (sb.Length > 0)
        {
            sb.Append('\t');
        }

        sb.Append(label).Append('\t').Append(probability);
    }

    /// <summary>A label without fastText's <c>__label__</c> prefix.</summary>
    public static string Bare(string label) =>
        label.StartsWith(Filters.Classification.FastTextLines.LabelPrefix, StringComparison.Ordinal) ? label[Filters.Classification.FastTextLines.LabelPrefix.Length..] : label;
}
