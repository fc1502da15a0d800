namespace Corpus.Bench.Cluster;

/// <summary>
/// One process of a build: when it was started, the worker-name prefix its tasks carry in run.jsonl
/// (null for a coordinator that runs no tasks), and the CPU seconds it spent in each phase and in all,
/// also by thread name.
/// </summary>
internal sealed record ProcessUsage(
    string Label,
    string? WorkerPrefix,
    DateTime Launched,
    double TotalCpuSeconds,
    IReadOnlyDictionary<string, double> PhaseCpuSeconds,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> PhaseThreadCpuSeconds);

/// <summary>The whole machine's busy and stolen core-seconds in one window, and this benchmark's own share of the busy time.</summary>
internal sealed record MachineWindow(double BusySeconds, double StealSeconds, double BenchSeconds);

/// <summary>Everything measured about one build: its run log, its product's fingerprint and its processes' CPU.</summary>
internal sealed record BuildMeasurement(
    BuildSetup Setup,
    int Round,
    double WallSeconds,
    RunTimeline Timeline,
    OutputFingerprint Fingerprint,
    IReadOnlyList<ProcessUsage> Processes,
    IReadOnlyDictionary<string, MachineWindow> Machine)
{
    /// <summary>The phase's own seconds (phase-end), or NaN where the run had no such phase.</summary>
    public double PhaseSeconds(string phase) => Timeline.Phase(phase)?.Seconds ?? double.NaN;
}
