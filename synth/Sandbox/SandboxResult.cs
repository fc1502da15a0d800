using System.Globalization;

namespace Corpus.Synth.Sandbox;

/// <summary>How one sandboxed program ended.</summary>
public sealed record SandboxResult
{
    /// <summary>The exit code; 128 + signal number when a signal ended it (137 for <c>SIGKILL</c>, 152 for <c>SIGXCPU</c>).</summary>
    public required int ExitCode { get; init; }

    /// <summary>Standard output (UTF-8), up to the output limit.</summary>
    public required string Stdout { get; init; }

    /// <summary>Standard error (UTF-8), up to the output limit.</summary>
    public required string Stderr { get; init; }

    /// <summary>Whether standard output had more bytes than were kept.</summary>
    public bool StdoutTruncated { get; init; }

    /// <summary>Whether standard error had more bytes than were kept.</summary>
    public bool StderrTruncated { get; init; }

    /// <summary>Whether the wall-clock limit was reached (then <see cref="KillReason"/> is <see cref="SandboxKillReason.Timeout"/>).</summary>
    public bool TimedOut => KillReason == SandboxKillReason.Timeout;

    /// <summary>Why the program was stopped, or <see cref="SandboxKillReason.None"/>.</summary>
    public SandboxKillReason KillReason { get; init; }

    /// <summary>Wall-clock seconds from start to exit.</summary>
    public double WallSeconds { get; init; }

    /// <summary>The last non-empty line of standard error, even when the kept part was truncated (e.g. <c>AssertionError: ...</c>); empty when none.</summary>
    public string LastErrorLine { get; init; } = string.Empty;

    /// <summary>The limits the program ran under.</summary>
    public required SandboxOptions Limits { get; init; }

    /// <summary>Whether it exited with code 0 by itself.</summary>
    public bool Succeeded => ExitCode == 0 && KillReason == SandboxKillReason.None;

    /// <summary>A short description of how it ended, for verdict reasons: <c>exit code 1: ZeroDivisionError: division by zero</c>, <c>timed out after 10 s</c>, ….</summary>
    public string Describe() => KillReason switch
    {
        SandboxKillReason.Timeout => string.Create(CultureInfo.InvariantCulture, $"timed out after {Limits.WallTime.TotalSeconds:0.###} s"),
        SandboxKillReason.Cpu => string.Create(CultureInfo.InvariantCulture, $"CPU limit of {Limits.CpuSeconds} s exceeded"),
        SandboxKillReason.Memory => string.Create(CultureInfo.InvariantCulture, $"memory limit of {Limits.MemoryBytes >> 20} MiB exceeded: {LastErrorLine}"),
        SandboxKillReason.Output => string.Create(CultureInfo.InvariantCulture, $"output limit of {Limits.MaxOutputBytes} bytes exceeded, killed"),
        _ when LastErrorLine.Length > 0 => string.Create(CultureInfo.InvariantCulture, $"exit code {ExitCode}: {LastErrorLine}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"exit code {ExitCode}"),
    };
}
