namespace Corpus.Shards.Reports;

/// <summary>One synthetic-data recipe: rows generated and accepted.</summary>
/// <param name="Name">The recipe's name.</param>
/// <param name="Generated">Rows generated.</param>
/// <param name="Accepted">Rows that passed the checks.</param>
/// <param name="AcceptanceRate">Accepted over generated (0..1).</param>
public sealed record SyntheticRecipe(string Name, long Generated, long Accepted, double AcceptanceRate);
