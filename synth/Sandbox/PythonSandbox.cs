namespace Corpus.Synth.Sandbox;

/// <summary>
/// Runs untrusted Python programs, each as a separate process in its own fresh temporary folder (its
/// home and working directory, deleted afterwards) with a scrubbed environment, inside new user, pid and
/// network namespaces (<c>unshare</c>: no network but a loopback that is down; a fork bomb stays in
/// the namespace and dies with it), as an unprivileged user when this process is root (<c>setpriv</c>;
/// root is exempt from <c>RLIMIT_NPROC</c>), under <c>setrlimit</c> limits for CPU seconds, address space,
/// processes and file size, with a wall-clock limit and an output limit enforced here. Where namespaces
/// cannot be made it refuses to run code unless <see cref="SandboxOptions.AllowNetwork"/> opts in.
/// </summary>
public sealed class PythonSandbox
{
    private readonly SandboxSetup _setup;

    private PythonSandbox(SandboxOptions options, SandboxSetup setup)
    {
        Options = options;
        _setup = setup;
    }

    /// <summary>The limits every program runs under.</summary>
    public SandboxOptions Options { get; }

    /// <summary>Whether programs run inside their own user, pid and network namespaces.</summary>
    public bool IsIsolated => _setup.Isolated;

    /// <summary>Whether <see cref="RunAsync"/> will run programs here (see <see cref="Problem"/> when not).</summary>
    public bool CanRun => _setup.Interpreter is not null && (_setup.Isolated || Options.AllowNetwork);

    /// <summary>Whether programs also get a mount namespace with their own <c>/proc</c> (they see only their own processes).</summary>
    public bool HasOwnProc => _setup.OwnProc;

    /// <summary>The interpreter programs run with, or null when none works in the sandbox.</summary>
    public string? Interpreter => _setup.Interpreter;

    /// <summary>Why programs cannot run, or run without namespaces; null when isolated.</summary>
    public string? Problem => _setup.Problem;

    /// <summary>
    /// Probes this machine (once per process for an interpreter and sandbox user) and makes a sandbox.
    /// Never throws for a machine without namespaces; <see cref="RunAsync"/> refuses there.
    /// </summary>
    public static async Task<PythonSandbox> CreateAsync(SandboxOptions? options = null, CancellationToken ct = default)
    {
        options ??= new SandboxOptions();
        Validate(options);
        var setup = await SandboxProbe.SetupAsync(options).WaitAsync(ct).ConfigureAwait(false);
        return new PythonSandbox(options, setup);
    }

    /// <summary>A sandbox on a given setup (tests: the refusal and the fallback without namespaces).</summary>
    internal static PythonSandbox ForSetup(SandboxOptions options, SandboxSetup setup)
    {
        Validate(options);
        return new PythonSandbox(options, setup);
    }

    /// <summary>
    /// Runs <paramref name="program"/> (Python source, written as <c>main.py</c>) and reports how it
    /// ended. A program that fails, loops, forks, floods or runs out of memory is a result, not an
    /// exception. Throws <see cref="SandboxUnavailableException"/> where code cannot be run safely, and
    /// <see cref="OperationCanceledException"/> (after killing the program) when cancelled.
    /// </summary>
    public Task<SandboxResult> RunAsync(string program, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(program);
        if (_setup.Interpreter is null)
        {
            throw new SandboxUnavailableException($"the sandbox cannot run Python here: {_setup.Problem}");
        }

        if (!_setup.Isolated && !Options.AllowNetwork)
        {
            throw new SandboxUnavailableException(
                $"refusing to run generated code without network isolation ({_setup.Problem}); set SandboxOptions.AllowNetwork to run it anyway");
        }

        return SandboxProcess.RunAsync(_setup, Options, program, ct);
    }

    private static void Validate(SandboxOptions options)
    {
        if (options.WallTime <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "WallTime must be positive");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(options.CpuSeconds, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MemoryBytes, 16L << 20, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxOutputBytes, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxProcesses, 2, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxFileBytes, 0, nameof(options));
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Python, nameof(options));
    }
}
