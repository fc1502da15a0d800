using Corpus.Synth.Sandbox;

namespace Corpus.Synth.Verification;

/// <summary>
/// A sandbox that runs at most a given number of programs at once, however many verifications call it
/// together (the synth phase verifies many problems concurrently; each program is a process).
/// </summary>
internal sealed class SandboxGate
{
    private readonly PythonSandbox _sandbox;
    private readonly SemaphoreSlim _slots;

    public SandboxGate(PythonSandbox sandbox, int degree)
    {
        ArgumentNullException.ThrowIfNull(sandbox);
        ArgumentOutOfRangeException.ThrowIfLessThan(degree, 1);
        _sandbox = sandbox;
        _slots = new SemaphoreSlim(degree, degree);
    }

    public async Task<SandboxResult> RunAsync(string program, CancellationToken ct)
    {
        await _slots.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            return await _sandbox.RunAsync(program, ct).ConfigureAwait(false);
        }
        finally
        {
            _slots.Release();
        }
    }
}
