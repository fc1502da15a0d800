using System.Globalization;
using System.Text;
using Corpus.Filters.Classification.FastText;
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

    public static async Task WriteAsync(FastTextModel model, Stream input, Stream output, int k, CancellationToken ct)
    {
        var predictions = new FastTextPrediction[Math.Min(k, model.Labels.Count)];
        var reader = new LfLineReader(input);
        var writer = new StreamWriter(output, Utf8, 1 << 16, leaveOpen: true) { NewLine = "\n" };
        await using (writer.ConfigureAwait(false))
        {
            var sb = new StringBuilder();
            while (reader.TryReadLine(out var line))
            {
                ct.ThrowIfCancellationRequested();
                var n = model.Predict(Utf8.GetString(line.Span).AsSpan(), predictions);
                sb.Clear();
                for (var i = 0; i < n; i++)
                {
                    if (i > 0)
                    {
                        sb.Append('\t');
                    }

                    sb.Append(Bare(predictions[i].Label)).Append('\t')
                        .Append(predictions[i].Probability.ToString("0.#####", CultureInfo.InvariantCulture));
                }

                await writer.WriteLineAsync(sb, ct).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// <c>corpus lid predict</c>'s lines: the identifier's ranking of each line (<see cref="LanguageIdentifier.Rank"/>),
    /// <c>xxx_Scrp</c> codes.
    /// </summary>
    public static async Task WriteAsync(LanguageIdentifier identifier, Stream input, Stream output, int k, CancellationToken ct)
    {
        var reader = new LfLineReader(input);
        var writer = new StreamWriter(output, Utf8, 1 << 16, leaveOpen: true) { NewLine = "\n" };
        await using (writer.ConfigureAwait(false))
        {
            var sb = new StringBuilder();
            while (reader.TryReadLine(out var line))
            {
                ct.ThrowIfCancellationRequested();
                var ranked = identifier.Rank(Utf8.GetString(line.Span).AsSpan(), k);
                sb.Clear();
                for (var i = 0; i < ranked.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append('\t');
                    }

                    sb.Append(ranked[i].Language.ToString()).Append('\t')
                        .Append(ranked[i].Probability.ToString("0.#####", CultureInfo.InvariantCulture));
                }

                await writer.WriteLineAsync(sb, ct).ConfigureAwait(false);
            }
        }
    }

    /// <summary>A label without fastText's <c>__label__</c> prefix.</summary>
    public static string Bare(string label) =>
        label.StartsWith(Filters.Classification.FastTextLines.LabelPrefix, StringComparison.Ordinal) ? label[Filters.Classification.FastTextLines.LabelPrefix.Length..] : label;
}
