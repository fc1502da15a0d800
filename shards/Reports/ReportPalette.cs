namespace Corpus.Shards.Reports;

/// <summary>The report's colours: a categorical series palette (colour-blind friendly) and status colours.</summary>
internal static class ReportPalette
{
    private static readonly string[] SeriesColours = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#2f6690"];

    public const string OtherColour = "#bab0ac";
    public const string BarColour = "#4e79a7";
    public const string RemovedColour = "#e15759";
    public const string MetColour = "#59a14f";
    public const string PresentColour = "#f2c14e";
    public const string AbsentColour = "#e5e7eb";

    public static string Series(int index) => SeriesColours[index % SeriesColours.Length];
}
