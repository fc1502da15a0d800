namespace Corpus.Synth.Recipes;

/// <summary>The problems read from a seeds file, in file order, and the lines that were not used.</summary>
public sealed record SeedSet(IReadOnlyList<SeedProblem> Problems, IReadOnlyList<SeedError> Errors);
