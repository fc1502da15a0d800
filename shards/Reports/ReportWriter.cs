using System.Text;

namespace Corpus.Shards.Reports;

/// <summary>
/// Writes a build's report folder: <c>index.html</c> (one self-contained page, inline CSS and SVG,
/// no script, nothing loaded from elsewhere), <c>report.json</c> (the model, read back by
/// <see cref="BuildReport.Load"/>) and <c>report.md</c> (the same tables in Markdown). The same
/// report always gives the same bytes: invariant culture, LF line ends, no timestamps.
/// </summary>
public static class ReportWriter
{
    internal const string HtmlFileName = "index.html";
    internal const string JsonFileName = "report.json";
    internal const string MarkdownFileName = "report.md";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes the three files into <paramref name="reportDirectory"/>, creating it, replacing any files there.</summary>
    public static void Write(BuildReport report, string reportDirectory)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(reportDirectory);
        Directory.CreateDirectory(reportDirectory);
        File.WriteAllBytes(Path.Combine(reportDirectory, JsonFileName), ReportJson.ToUtf8Bytes(report));
        File.WriteAllText(Path.Combine(reportDirectory, HtmlFileName), HtmlReport.Render(report), Utf8);
        File.WriteAllText(Path.Combine(reportDirectory, MarkdownFileName), MarkdownReport.Render(report), Utf8);
    }
}
