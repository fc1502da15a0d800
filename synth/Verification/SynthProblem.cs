namespace Corpus.Synth.Verification;

/// <summary>
/// One problem the model was asked to solve, with what is known about the right answer.
/// </summary>
/// <param name="Kind">Math or code.</param>
/// <param name="Prompt">The problem as the model saw it.</param>
/// <param name="KnownAnswer">Math: the seed's known final answer (GSM8K's <c>#### answer</c> already cut to the answer); null when none is known.</param>
/// <param name="Tests">Code: the seed's unit tests (HumanEval/MBPP style); null when none are known.</param>
public sealed record SynthProblem(SynthTaskKind Kind, string Prompt, string? KnownAnswer = null, CodeTests? Tests = null);

/// <summary>Unit tests for a code problem: Python test code and the function it calls.</summary>
/// <param name="Code">Python test code (asserts, or a <c>check(candidate)</c> function as in HumanEval).</param>
/// <param name="EntryPoint">The function name under test.</param>
public sealed record CodeTests(string Code, string EntryPoint);
