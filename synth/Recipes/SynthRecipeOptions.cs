using Corpus.Synth.Verification;

namespace Corpus.Synth.Recipes;

/// <summary>How <see cref="SynthRecipes.Create"/> picks and asks problems.</summary>
public sealed record SynthRecipeOptions
{
    /// <summary>Math or code.</summary>
    public required SynthTaskKind Kind { get; init; }

    /// <summary>Ask samples in thinking mode (Qwen3's reasoning) or not. Default true.</summary>
    public bool Thinking { get; init; } = true;

    /// <summary>Seeds the picks of topic, difficulty, style and few-shot examples. Default 0.</summary>
    public long Seed { get; init; }

    /// <summary>Problems with known answers, solved as they are (problem i is seed i modulo their count); empty: the model writes each problem from a topic and a difficulty.</summary>
    public IReadOnlyList<SeedProblem> Seeds { get; init; } = [];

    /// <summary>Example problems shown (two per request) when the model writes a problem; empty: none.</summary>
    public IReadOnlyList<SeedProblem> FewShot { get; init; } = [];
}
