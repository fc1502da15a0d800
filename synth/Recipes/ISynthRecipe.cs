using Corpus.Synth.Engines;
using Corpus.Synth.Verification;

namespace Corpus.Synth.Recipes;

/// <summary>
/// A task recipe: which problem comes at each index (a pure function of the recipe's options and seed),
/// how to read a problem the model wrote, and how each sample is asked to solve it.
/// </summary>
public interface ISynthRecipe
{
    /// <summary>Math or code.</summary>
    SynthTaskKind Kind { get; }

    /// <summary>The plan of problem <paramref name="index"/>; the same options give the same plan.</summary>
    SynthPlan Plan(int index);

    /// <summary>The problem in what the model wrote for <see cref="SynthPlan.WriteProblem"/> (the answer part), or null when it wrote none.</summary>
    string? ReadProblem(string written);

    /// <summary>The conversation one sample answers: the problem and how to answer it.</summary>
    IReadOnlyList<ChatMessage> SolveMessages(SynthPlan plan, string problem);
}
