namespace Corpus.Synth.Recipes;

/// <summary>The built-in topic and difficulty seeds unseeded problems are written from.</summary>
internal static class SynthTopics
{
    /// <summary>Math topics.</summary>
    public static IReadOnlyList<string> Math { get; } =
    [
        "arithmetic", "fractions", "decimals", "percentages", "ratios and rates", "algebra", "linear equations",
        "quadratic equations", "inequalities", "sequences and series", "functions", "exponents and logarithms",
        "geometry", "trigonometry", "coordinate geometry", "number theory", "combinatorics", "probability",
        "statistics", "money and time",
    ];

    /// <summary>Python programming topics.</summary>
    public static IReadOnlyList<string> Code { get; } =
    [
        "string manipulation", "lists", "dictionaries and counting", "sorting", "searching", "recursion",
        "dynamic programming", "number theory", "parsing text", "greedy algorithms", "two pointers",
        "bit manipulation", "matrices", "sets", "stacks and queues", "intervals",
    ];

    /// <summary>Difficulties, easiest first.</summary>
    public static IReadOnlyList<string> Difficulties { get; } = ["easy", "medium", "hard"];

    /// <summary>Math problem styles: grade-school word problems and competition problems.</summary>
    public static IReadOnlyList<string> MathStyles { get; } = ["word problem", "competition problem"];
}
