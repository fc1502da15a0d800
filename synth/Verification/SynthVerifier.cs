using Corpus.Synth.Sandbox;

namespace Corpus.Synth.Verification;

/// <summary>Verifies samples of any task: math by <see cref="MathVerifier"/>, code by <see cref="CodeVerifier"/>, both over one sandbox.</summary>
public sealed class SynthVerifier : ISynthVerifier
{
    private readonly MathVerifier _math;
    private readonly CodeVerifier _code;

    /// <summary>Creates a verifier whose programs run in <paramref name="sandbox"/>.</summary>
    public SynthVerifier(PythonSandbox sandbox, SynthVerifierOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(sandbox);
        var gate = new SandboxGate(sandbox, (options ?? new SynthVerifierOptions()).MaxDegreeOfParallelism);
        _math = new MathVerifier(gate, options);
        _code = new CodeVerifier(gate, options);
    }

    /// <summary>Probes the sandbox (<see cref="PythonSandbox.CreateAsync"/>, with <see cref="SynthVerifierOptions.Sandbox"/>) and creates a verifier over it.</summary>
    public static async Task<SynthVerifier> CreateAsync(SynthVerifierOptions? options = null, CancellationToken ct = default)
    {
        options ??= new SynthVerifierOptions();
        var sandbox = await PythonSandbox.CreateAsync(options.Sandbox, ct).ConfigureAwait(false);
        return new SynthVerifier(sandbox, options);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<SynthVerdict>> VerifyAsync(SynthProblem problem, IReadOnlyList<SynthCandidate> candidates, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return problem.Kind switch
        {
            SynthTaskKind.Math => _math.VerifyAsync(problem, candidates, ct),
            SynthTaskKind.Code => _code.VerifyAsync(problem, candidates, ct),
            _ => throw new ArgumentOutOfRangeException(nameof(problem), problem.Kind, "unknown task kind"),
        };
    }
}
