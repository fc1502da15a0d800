namespace Corpus.Synth.Sandbox;

/// <summary>Why a sandboxed program was stopped before it ended by itself, if it was.</summary>
public enum SandboxKillReason
{
    /// <summary>The program ended by itself (with any exit code).</summary>
    None,

    /// <summary>It ran past the wall-clock limit and was killed.</summary>
    Timeout,

    /// <summary>It used up its CPU seconds (<c>SIGXCPU</c>, or <c>SIGKILL</c> at the hard limit).</summary>
    Cpu,

    /// <summary>An allocation failed at the memory limit (Python's <c>MemoryError</c>).</summary>
    Memory,

    /// <summary>It kept writing far past the output limit and was killed.</summary>
    Output,
}
