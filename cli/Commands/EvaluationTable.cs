using System.Globalization;
using System.Text;
using Corpus.FastText;

namespace Corpus.Cli.Commands;

/// <summary>A classifier's evaluation as <c>classify train</c> and <c>classify eval</c> print it.</summary>
internal static class EvaluationTable
{
    /// <summary>N, P@k, R@k, then one line per label: label, gold, predicted, precision, recall, F1.</summary>
    public static void Append(StringBuilder sb, string name, FastTextEvaluation e)
    {
        sb.Append(CultureInfo.InvariantCulture, $"{name}: N {e.Examples}  P@{e.K} {e.PrecisionAtK:F3}  R@{e.K} {e.RecallAtK:F3}\n");
        sb.Append(CultureInfo.InvariantCulture, $"  {"label",-24} {"gold",7} {"pred",7} {"precision",9} {"recall",7} {"F1",6}\n");
        foreach (var l in e.Labels)
        {
            sb.Append(CultureInfo.InvariantCulture, $"  {l.Label,-24} {l.Gold,7} {l.Predicted,7} {l.Precision,9:F3} {l.Recall,7:F3} {l.F1,6:F3}\n");
        }
    }
}
