namespace Corpus.Shards.Reports;

/// <summary>One coloured segment of a stacked bar.</summary>
internal sealed record ChartSegment(string Colour, long Value, string Tooltip);

/// <summary>One stacked bar: a label, the text at its end, and its segments.</summary>
internal sealed record StackedRow(string Label, string Total, IReadOnlyList<ChartSegment> Segments);

/// <summary>One plain bar: a label, its value, and its tooltip.</summary>
internal sealed record ChartBar(string Label, long Value, string Tooltip);
