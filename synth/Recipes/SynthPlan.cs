using Corpus.Synth.Engines;
using Corpus.Synth.Verification;

namespace Corpus.Synth.Recipes;

/// <summary>
/// What to generate for one problem: either a problem given (a seed, with its known answer or tests)
/// or a request that asks the model to write one first; then <see cref="ISynthRecipe.SolveMessages"/>
/// turns the problem into the conversation each of the k samples answers.
/// </summary>
/// <param name="Index">The problem's number in the run, from 0.</param>
/// <param name="Task">A label of what was asked, e.g. <c>math/word-problem/fractions/easy</c> or <c>code/humaneval</c>.</param>
/// <param name="Kind">Math or code.</param>
/// <param name="Thinking">Whether the samples are asked in thinking mode.</param>
/// <param name="Problem">The problem when it is given (a seed); null when the model writes it.</param>
/// <param name="WriteProblem">The conversation that asks the model to write the problem; null when given.</param>
/// <param name="KnownAnswer">The seed's known final answer (math).</param>
/// <param name="Tests">The seed's unit tests (code).</param>
/// <param name="SeedId">The seed's id; null for written problems.</param>
public sealed record SynthPlan(
    int Index,
    string Task,
    SynthTaskKind Kind,
    bool Thinking,
    string? Problem,
    IReadOnlyList<ChatMessage>? WriteProblem,
    string? KnownAnswer = null,
    CodeTests? Tests = null,
    string? SeedId = null);
