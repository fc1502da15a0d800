using System.Text;
using static Corpus.Shards.Reports.ReportFormat;

namespace Corpus.Shards.Reports;

/// <summary>
/// Inline SVG charts, drawn in a fixed coordinate system (<c>viewBox</c>) and scaled by the page.
/// Every shape has a <c>&lt;title&gt;</c> tooltip; every number drawn is formatted by <see cref="ReportFormat"/>.
/// </summary>
internal static class SvgCharts
{
    private const double Width = 1000;
    private const double LabelWidth = 260;
    private const int MaxLabel = 34;
    private const double ValueWidth = 130;
    private const double RowHeight = 30;
    private const double BarHeight = 20;

    /// <summary>Horizontal bars, each filled to 100% by its segments in proportion to their values.</summary>
    public static string StackedShareBars(IReadOnlyList<StackedRow> rows, string ariaLabel)
    {
        var plot = Width - LabelWidth - ValueWidth;
        var height = rows.Count * RowHeight + 10;
        var svg = Open(height, ariaLabel);
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            var y = 5 + r * RowHeight;
            Label(svg, Short(row.Label), LabelWidth - 10, y + BarHeight / 2, "end");
            var total = row.Segments.Sum(s => s.Value);
            var x = LabelWidth;
            svg.Append($"<rect x=\"{Px(LabelWidth)}\" y=\"{Px(y)}\" width=\"{Px(plot)}\" height=\"{Px(BarHeight)}\" fill=\"#f3f4f6\"/>\n");
            foreach (var segment in row.Segments)
            {
                if (total == 0 || segment.Value == 0)
                {
                    continue;
                }

                var w = plot * segment.Value / total;
                svg.Append($"<rect x=\"{Px(x)}\" y=\"{Px(y)}\" width=\"{Px(w)}\" height=\"{Px(BarHeight)}\" fill=\"{segment.Colour}\" stroke=\"#ffffff\" stroke-width=\"0.5\"><title>{Html(segment.Tooltip)}</title></rect>\n");
                x += w;
            }

            Label(svg, row.Total, LabelWidth + plot + 8, y + BarHeight / 2, "start");
        }

        return Close(svg);
    }

    /// <summary>Horizontal bars scaled to the largest value, the value written after each.</summary>
    public static string HorizontalBars(IReadOnlyList<ChartBar> bars, string colour, string ariaLabel)
    {
        var plot = Width - LabelWidth - ValueWidth;
        var max = Math.Max(1, bars.Count == 0 ? 1 : bars.Max(b => b.Value));
        var svg = Open(bars.Count * RowHeight + 10, ariaLabel);
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var y = 5 + i * RowHeight;
            var w = Math.Max(bar.Value > 0 ? 1 : 0, plot * bar.Value / max);
            Label(svg, Short(bar.Label), LabelWidth - 10, y + BarHeight / 2, "end");
            svg.Append($"<rect x=\"{Px(LabelWidth)}\" y=\"{Px(y)}\" width=\"{Px(w)}\" height=\"{Px(BarHeight)}\" rx=\"2\" fill=\"{colour}\"><title>{Html(bar.Tooltip)}</title></rect>\n");
            Label(svg, Count(bar.Value), LabelWidth + w + 8, y + BarHeight / 2, "start");
        }

        return Close(svg);
    }

    /// <summary>Vertical bars (a histogram) scaled to the largest value, with labels under each bar.</summary>
    public static string Histogram(IReadOnlyList<ChartBar> bars, string colour, string ariaLabel)
    {
        const double Height = 240;
        const double Top = 22;
        const double Bottom = 40;
        const double Left = 20;
        var plotHeight = Height - Top - Bottom;
        var max = Math.Max(1, bars.Count == 0 ? 1 : bars.Max(b => b.Value));
        var slot = (Width - 2 * Left) / Math.Max(1, bars.Count);
        var svg = Open(Height, ariaLabel);
        svg.Append($"<line x1=\"{Px(Left)}\" y1=\"{Px(Top + plotHeight)}\" x2=\"{Px(Width - Left)}\" y2=\"{Px(Top + plotHeight)}\" stroke=\"#9ca3af\" stroke-width=\"1\"/>\n");
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var h = Math.Max(bar.Value > 0 ? 1 : 0, plotHeight * bar.Value / max);
            var x = Left + i * slot + slot * 0.15;
            var w = slot * 0.7;
            var y = Top + plotHeight - h;
            svg.Append($"<rect x=\"{Px(x)}\" y=\"{Px(y)}\" width=\"{Px(w)}\" height=\"{Px(h)}\" rx=\"2\" fill=\"{colour}\"><title>{Html(bar.Tooltip)}</title></rect>\n");
            Label(svg, Count(bar.Value), x + w / 2, y - 8, "middle");
            Label(svg, bar.Label, x + w / 2, Top + plotHeight + 16, "middle");
        }

        return Close(svg);
    }

    /// <summary>The Qwen3 languages as a grid of cells coloured met, present or absent.</summary>
    public static string CoverageGrid(IReadOnlyList<Qwen3Language> languages, string ariaLabel)
    {
        const int Columns = 12;
        const double CellWidth = Width / Columns;
        const double CellHeight = 34;
        var rows = (languages.Count + Columns - 1) / Columns;
        var svg = Open(rows * CellHeight + 2, ariaLabel);
        for (var i = 0; i < languages.Count; i++)
        {
            var language = languages[i];
            var x = 1 + (i % Columns) * CellWidth;
            var y = 1 + (i / Columns) * CellHeight;
            var (fill, status) = language.Met
                ? (ReportPalette.MetColour, "target met")
                : language.Present ? (ReportPalette.PresentColour, "present, below target") : (ReportPalette.AbsentColour, "absent");
            var text = language.Met ? "#ffffff" : "#1f2937";
            var tooltip = $"{HtmlReport.Label(language.Code, language.Name)}: {Count(language.Tokens)} tokens of {Count(language.TargetTokens)} targeted, {status}";
            svg.Append($"<g><title>{Html(tooltip)}</title><rect x=\"{Px(x)}\" y=\"{Px(y)}\" width=\"{Px(CellWidth - 3)}\" height=\"{Px(CellHeight - 3)}\" rx=\"3\" fill=\"{fill}\"/>");
            svg.Append($"<text x=\"{Px(x + (CellWidth - 3) / 2)}\" y=\"{Px(y + (CellHeight - 3) / 2)}\" text-anchor=\"middle\" dominant-baseline=\"central\" font-size=\"12\" fill=\"{text}\">{Html(language.Code)}</text></g>\n");
        }

        return Close(svg);
    }

    private static StringBuilder Open(double height, string ariaLabel) =>
        new StringBuilder().Append($"<svg class=\"chart\" viewBox=\"0 0 {Px(Width)} {Px(height)}\" role=\"img\" aria-label=\"{Html(ariaLabel)}\">\n");

    private static string Close(StringBuilder svg) => svg.Append("</svg>\n").ToString();

    /// <summary>A row label cut to <see cref="MaxLabel"/> characters (the tooltip keeps it whole).</summary>
    private static string Short(string label) => label.Length <= MaxLabel ? label : string.Concat(label.AsSpan(0, MaxLabel - 1), "\u2026");

    private static void Label(StringBuilder svg, string text, double x, double y, string anchor) =>
        svg.Append($"<text x=\"{Px(x)}\" y=\"{Px(y)}\" text-anchor=\"{anchor}\" dominant-baseline=\"central\" font-size=\"13\" fill=\"#374151\">{Html(text)}</text>\n");
}
