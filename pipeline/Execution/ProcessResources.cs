using System.Diagnostics;
using System.Text.Json;

namespace Corpus.Pipeline.Execution;

/// <summary>
/// What this process has used so far: CPU time, time spent compiling methods (the JIT), time the
/// garbage collector paused the program, and bytes allocated. Two readings subtracted give what a
/// phase cost this process, which the run log records beside the phase's wall time (in cluster
/// mode that is the coordinator's process; each worker process has its own).
/// </summary>
internal readonly record struct ProcessResources(TimeSpan Cpu, TimeSpan Jit, TimeSpan GcPause, long Allocated)
{
    public static ProcessResources Now()
    {
        using var process = Process.GetCurrentProcess();
        return new(process.TotalProcessorTime, System.Runtime.JitInfo.GetCompilationTime(), GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes());
    }

    public ProcessResources Since(ProcessResources start) =>
        new(Cpu - start.Cpu, Jit - start.Jit, GcPause - start.GcPause, Allocated - start.Allocated);

    /// <summary>Writes <c>cpu_seconds</c>, <c>jit_seconds</c>, <c>gc_pause_seconds</c> and <c>allocated_mb</c>.</summary>
    public void WriteTo(Utf8JsonWriter w)
    {
        w.WriteNumber("cpu_seconds", Math.Round(Cpu.TotalSeconds, 3));
        w.WriteNumber("jit_seconds", Math.Round(Jit.TotalSeconds, 3));
        w.WriteNumber("gc_pause_seconds", Math.Round(GcPause.TotalSeconds, 3));
        w.WriteNumber("allocated_mb", Math.Round(Allocated / 1048576.0, 1));
    }
}
