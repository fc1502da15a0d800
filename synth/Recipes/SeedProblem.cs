using Corpus.Synth.Verification;

namespace Corpus.Synth.Recipes;

/// <summary>A problem from a seeds file, with what is known about its right answer.</summary>
/// <param name="Id">The record's <c>task_id</c> or <c>id</c>, else <c>file:line</c>.</param>
/// <param name="Kind">Math or code.</param>
/// <param name="Question">Math: the question. Code: the HumanEval prompt (signature and docstring) or the MBPP task text.</param>
/// <param name="KnownAnswer">Math: the final answer (GSM8K's text after <c>####</c>, trimmed, commas removed); null for code.</param>
/// <param name="Tests">Code: the unit tests and the function they call; null for math.</param>
/// <param name="Format">How the question reads: <c>gsm8k</c>, <c>math</c>, <c>humaneval</c> or <c>mbpp</c>.</param>
public sealed record SeedProblem(string Id, SynthTaskKind Kind, string Question, string? KnownAnswer, CodeTests? Tests, string Format);
