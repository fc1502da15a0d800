namespace Corpus.Synth.Sandbox;

/// <summary>Limits for one untrusted Python program run by <see cref="PythonSandbox"/>.</summary>
public sealed record SandboxOptions
{
    /// <summary>Wall-clock limit; past it the whole sandbox (its pid namespace, or process group) is killed. Default 10 s.</summary>
    public TimeSpan WallTime { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>CPU seconds (<c>RLIMIT_CPU</c>) of the program, user plus system time. Default 10.</summary>
    public int CpuSeconds { get; init; } = 10;

    /// <summary>Address space of each process (<c>RLIMIT_AS</c>), in bytes. Default 512 MiB.</summary>
    public long MemoryBytes { get; init; } = 512L << 20;

    /// <summary>
    /// Bytes of stdout plus stderr kept; the rest is dropped and flagged. A program that writes four
    /// times this much is killed. Default 1 MiB.
    /// </summary>
    public int MaxOutputBytes { get; init; } = 1 << 20;

    /// <summary>Processes (and threads) the program may have at once (<c>RLIMIT_NPROC</c> in its own user namespace). Default 64.</summary>
    public int MaxProcesses { get; init; } = 64;

    /// <summary>Largest file the program may write (<c>RLIMIT_FSIZE</c>), in bytes. Default 64 MiB.</summary>
    public long MaxFileBytes { get; init; } = 64L << 20;

    /// <summary>
    /// The Python interpreter: a name looked up on <c>PATH</c> or a path. Shims (pyenv) are resolved to the
    /// real executable; when that is not reachable by the unprivileged sandbox user,
    /// <c>/usr/local/bin/python3</c> and <c>/usr/bin/python3</c> are tried. Default <c>python3</c>.
    /// </summary>
    public string Python { get; init; } = "python3";

    /// <summary>
    /// Opt-in to run programs where no user, pid and network namespace can be made: the program then
    /// has the host's network and only process-group cleanup. Off by default: without namespaces the
    /// sandbox refuses to run code (<see cref="SandboxUnavailableException"/>).
    /// </summary>
    public bool AllowNetwork { get; init; }

    /// <summary>The user id programs run as when this process is root (root is exempt from <c>RLIMIT_NPROC</c>). Default 65534 (nobody).</summary>
    public int SandboxUserId { get; init; } = 65534;
}
