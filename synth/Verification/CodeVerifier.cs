using System.Text;
using System.Text.RegularExpressions;
using Corpus.Synth.Sandbox;

namespace Corpus.Synth.Verification;

/// <summary>
/// Verifies Python code samples by running tests in the <see cref="PythonSandbox"/>. The code is the
/// first fenced <c>```python</c> block of the answer. With the seed's tests the program is that code,
/// the tests, and <c>check(entry_point)</c> when the tests define <c>check</c> (HumanEval); MBPP-style
/// asserts run as they are. Without seed tests the candidate's own tests run: every fenced Python block
/// of the answer in order (the function, then its tests, in one block or several), which must hold at
/// least one <c>assert</c> or call <c>unittest.main()</c>; top-level <c>test_*()</c> functions without
/// parameters (pytest style) are called after it. A sample is kept only when the program exits 0 by itself.
/// </summary>
public sealed partial class CodeVerifier : ISynthVerifier
{
    /// <summary>Appended to a candidate's own tests: calls its pytest-style <c>test_*()</c> functions, which nothing else would.</summary>
    private const string TestFunctionRunner = """


        for _corpus_name, _corpus_test in list(globals().items()):
            if _corpus_name.startswith('test') and callable(_corpus_test) and getattr(_corpus_test, '__module__', None) == '__main__' and getattr(getattr(_corpus_test, '__code__', None), 'co_argcount', 1) == 0:
                _corpus_test()
        """;

    private readonly SandboxGate _sandbox;
    private readonly SynthVerifierOptions _options;

    /// <summary>Creates a verifier that runs tests in <paramref name="sandbox"/>.</summary>
    public CodeVerifier(PythonSandbox sandbox, SynthVerifierOptions? options = null)
        : this(new SandboxGate(sandbox, (options ?? new SynthVerifierOptions()).MaxDegreeOfParallelism), options)
    {
    }

    /// <summary>Creates a verifier sharing <paramref name="sandbox"/>'s bound on programs at once with other verifiers.</summary>
    internal CodeVerifier(SandboxGate sandbox, SynthVerifierOptions? options)
    {
        _sandbox = sandbox;
        _options = options ?? new SynthVerifierOptions();
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<SynthVerdict>> VerifyAsync(SynthProblem problem, IReadOnlyList<SynthCandidate> candidates, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(candidates);
        return ParallelVerdicts.RunAsync(candidates.Count, _options.MaxDegreeOfParallelism, (i, token) => VerifyOneAsync(problem, candidates[i], token), ct);
    }

    /// <summary>The program that tests <paramref name="answer"/>, or a rejection when there is nothing to run.</summary>
    internal static (string? Program, string? Rejection) TestProgram(CodeTests? tests, string answer)
    {
        var blocks = FencedCode.PythonBlocks(answer);
        if (blocks.Count == 0)
        {
            return (null, "no fenced python block");
        }

        if (tests is not null)
        {
            var program = new StringBuilder(blocks[0]).Append("\n\n").Append(tests.Code).Append('\n');
            if (DefinesCheck().IsMatch(tests.Code))
            {
                program.Append("\ncheck(").Append(tests.EntryPoint).Append(")\n");
            }

            return (program.ToString(), null);
        }

        var own = string.Join("\n\n", blocks);
        return OwnTests().IsMatch(own) ? (own + TestFunctionRunner, null) : (null, "no tests in the answer (no assert or unittest.main)");
    }

    private async Task<SynthVerdict> VerifyOneAsync(SynthProblem problem, SynthCandidate candidate, CancellationToken ct)
    {
        var (program, rejection) = TestProgram(problem.Tests, candidate.Answer);
        if (program is null)
        {
            return new SynthVerdict(false, rejection!);
        }

        var result = await _sandbox.RunAsync(program, ct).ConfigureAwait(false);
        var which = problem.Tests is null ? "own tests" : "seed tests";
        return result.Succeeded
            ? new SynthVerdict(true, $"{which} passed")
            : new SynthVerdict(false, $"{which} failed: {result.Describe()}");
    }

    [GeneratedRegex(@"^def\s+check\s*\(", RegexOptions.Multiline)]
    private static partial Regex DefinesCheck();

    [GeneratedRegex(@"^\s*assert\b|\bunittest\.main\(", RegexOptions.Multiline)]
    private static partial Regex OwnTests();
}
