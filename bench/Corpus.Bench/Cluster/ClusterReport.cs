using System.Globalization;

namespace Corpus.Bench.Cluster;

/// <summary>
/// Prints what <c>bench-cluster</c> measured: the sample build's rates, the phase table of the four
/// configurations with the speed-ups, where the filter phase's time went in each, and whether the
/// products are byte-identical. Everything printed is read from the measurements.
/// </summary>
internal static class ClusterReport
{
    public static readonly string[] PhaseNames = ["ingest", "filter", "dedup", "tokenize", "shards", "pack"];

    /// <summary>The single-process sample build: whole-pipeline documents/s, per core, tokens/s, and each phase.</summary>
    public static void PrintSample(BuildMeasurement m, int cores, int runs)
    {
        var t = m.Timeline;
        var read = t.Phase("ingest")?.Documents ?? 0;
        var docsPerSecond = t.Documents / t.Seconds;
        Line($"single-process sample build (corpus build --sample --workers {cores}), best run-start→run-end of {runs}:");
        Line($"  run {t.Seconds:F2} s (process wall {m.WallSeconds:F2} s, of which {(t.Start - m.Processes[0].Launched).TotalSeconds:F2} s before run-start: start-up, the sample crawl, listing)");
        Line($"  documents: {read:N0} read, {t.Documents:N0} out; tokens out {t.Tokens:N0}");
        Line($"  whole pipeline: {docsPerSecond:F1} documents/s out = {docsPerSecond / cores:F1} documents/s per core ({cores} cores); {read / t.Seconds:F1} documents/s read = {read / t.Seconds / cores:F1} per core; {t.Tokens / t.Seconds:N0} tokens/s");
        Line($"  phases: {string.Join(", ", t.Phases.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Phase} {p.Seconds:F2} s")))}");
        Line($"  CPU in the run: build {m.Processes[0].PhaseCpuSeconds["run"]:F1} core-s of {t.Seconds * cores:F1} available, other processes on the machine {Others(m.Machine["run"], m.Processes[0].PhaseCpuSeconds["run"]):F1}; by thread: {Threads(m.Processes[0], "run")}");
    }

    /// <summary>One line per finished build while the benchmark runs.</summary>
    public static void PrintProgress(BuildMeasurement m)
    {
        var ours = m.Processes.Sum(u => u.PhaseCpuSeconds["run"]);
        var others = Others(m.Machine["run"], ours);
        Line($"  round {m.Round}, {m.Setup.Name}: run {m.Timeline.Seconds:F2} s, filter {m.PhaseSeconds("filter"):F2} s, wall {m.WallSeconds:F2} s, {m.Timeline.Documents:N0} documents, {m.Timeline.Tokens:N0} tokens; CPU in the run: build {ours:F1} core-s, other processes on the machine {others:F1} core-s");
    }

    /// <summary>
    /// The phase table: the best (lowest) seconds of each phase for each configuration, with the
    /// speed-up of 2 worker processes over 1 and of 2 in-process workers over 1; then the ratio lines.
    /// </summary>
    public static void PrintTable(BuildSetup clusterOne, BuildSetup clusterTwo, BuildSetup localOne, BuildSetup localTwo, IReadOnlyDictionary<BuildSetup, List<BuildMeasurement>> runs, double goal)
    {
        double Best(BuildSetup s, Func<BuildMeasurement, double> f) => runs[s].Min(f);
        Line($"{"seconds (best of " + runs[clusterOne].Count.ToString(CultureInfo.InvariantCulture) + ")",-22}{"cluster 1 proc",15}{"cluster 2 procs",16}{"speed-up",10}   {"1 proc -w 1",12}{"1 proc -w 2",12}{"speed-up",10}");
        void Row(string name, Func<BuildMeasurement, double> f)
        {
            double a = Best(clusterOne, f), b = Best(clusterTwo, f), l1 = Best(localOne, f), l2 = Best(localTwo, f);
            Line($"{name,-22}{a,15:F2}{b,16:F2}{a / b,9:F2}x   {l1,12:F2}{l2,12:F2}{l1 / l2,9:F2}x");
        }

        foreach (var phase in PhaseNames)
        {
            Row(phase, m => m.PhaseSeconds(phase));
        }

        Row("run (start→end)", m => m.Timeline.Seconds);
        Row("wall (processes)", m => m.WallSeconds);

        var filterA = Best(clusterOne, m => m.PhaseSeconds("filter"));
        var filterB = Best(clusterTwo, m => m.PhaseSeconds("filter"));
        var speedUp = filterA / filterB;
        Console.WriteLine();
        Line($"filter speed-up, 2 worker processes over 1: {filterA:F2} s / {filterB:F2} s = {speedUp:F2}x (goal >= {goal:F1}x: {(speedUp >= goal ? "met" : "NOT met")})");
        var localA = Best(localOne, m => m.PhaseSeconds("filter"));
        var localB = Best(localTwo, m => m.PhaseSeconds("filter"));
        Line($"filter speed-up, one process --workers 2 over --workers 1 (anchor): {localA:F2} s / {localB:F2} s = {localA / localB:F2}x");
        Line($"filter, 1 worker process vs one process --workers 1: {filterA / localA:F2}x the time; 2 worker processes vs one process --workers 2: {filterB / localB:F2}x the time");
    }

    /// <summary>Where the filter phase's time went in the run with the best filter time of each configuration.</summary>
    public static void PrintPhaseAnalysis(string phase, IReadOnlyList<BuildMeasurement> best, int cores)
    {
        Line($"where the {phase} phase's time goes (the run with the best {phase} time of each configuration; task times are dispatch→commit as the coordinator logged them):");
        foreach (var m in best)
        {
            var p = m.Timeline.Phase(phase);
            if (p is null)
            {
                continue;
            }

            var tasks = m.Timeline.Tasks.Where(t => t.Phase == phase).ToList();
            var durations = tasks.Select(t => (t.End - t.Start).TotalSeconds).Order().ToList();
            Line($"  {m.Setup.Name}: {p.Seconds:F2} s, {p.Tasks} tasks, task seconds mean {durations.DefaultIfEmpty().Average():F3}, median {Median(durations):F3}, max {durations.DefaultIfEmpty().Max():F3}, sum {durations.Sum():F2}");
            foreach (var worker in tasks.GroupBy(t => t.Worker).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var own = worker.OrderBy(t => t.Start).ToList();
                var busy = own.Sum(t => (t.End - t.Start).TotalSeconds);
                var gaps = own.Zip(own.Skip(1), (a, b) => (b.Start - a.End).TotalSeconds).Sum();
                var lead = (own[0].Start - p.Start).TotalSeconds;
                var tail = (p.End - own[^1].End).TotalSeconds;
                var process = m.Processes.FirstOrDefault(u => u.WorkerPrefix is not null && worker.Key.StartsWith(u.WorkerPrefix, StringComparison.Ordinal));
                Line($"    {worker.Key} ({process?.Label ?? "?"}): {own.Count} tasks, busy {busy:F2} s ({busy / p.Seconds:P0} of the phase), waiting between its tasks {gaps:F2} s, before its first {lead:F2} s, idle after its last {tail:F2} s");
            }

            var cpu = m.Processes.Select(u => string.Create(CultureInfo.InvariantCulture, $"{u.Label} {u.PhaseCpuSeconds[phase]:F2} (= {u.PhaseCpuSeconds[phase] / p.Seconds:F2} cores)"));
            var ours = m.Processes.Sum(u => u.PhaseCpuSeconds[phase]);
            var machine = m.Machine[phase];
            Line($"    CPU core-seconds in the phase: {string.Join(", ", cpu)}; all build processes {ours:F2} of {p.Seconds * cores:F2} available ({ours / (p.Seconds * cores):P0}); machine busy {machine.BusySeconds:F2} (this benchmark {machine.BenchSeconds:F2}, other processes {Others(machine, ours):F2}), stolen {machine.StealSeconds:F2}");
            foreach (var u in m.Processes)
            {
                Line($"    {u.Label} by thread: {Threads(u, phase)}");
            }

            foreach (var u in m.Processes.Where(u => u.WorkerPrefix is not null && m.Setup.IsCluster))
            {
                var joined = m.Timeline.Joined.Where(j => j.Key.StartsWith(u.WorkerPrefix!, StringComparison.Ordinal)).Select(j => j.Value).DefaultIfEmpty().Min();
                if (joined != default)
                {
                    Line($"    {u.Label}: joined {(joined - u.Launched).TotalSeconds:F2} s after its launch, {(joined - m.Timeline.Start).TotalSeconds:F2} s after run-start");
                }
            }
        }
    }

    /// <summary>
    /// The same task's time in two runs, task by task: how much longer a task takes when <paramref name="b"/>'s
    /// processes run at once than alone in <paramref name="a"/>, and the CPU the phase's work cost in each.
    /// </summary>
    public static void PrintTaskComparison(string phase, BuildMeasurement a, BuildMeasurement b)
    {
        var inA = a.Timeline.Tasks.Where(t => t.Phase == phase).ToDictionary(t => t.Task, t => (t.End - t.Start).TotalSeconds);
        var ratios = b.Timeline.Tasks
            .Where(t => t.Phase == phase && inA.ContainsKey(t.Task) && inA[t.Task] > 0)
            .Select(t => (t.End - t.Start).TotalSeconds / inA[t.Task])
            .Order()
            .ToList();
        if (ratios.Count == 0)
        {
            return;
        }

        var cpuA = a.Processes.Sum(u => u.PhaseCpuSeconds[phase]);
        var cpuB = b.Processes.Sum(u => u.PhaseCpuSeconds[phase]);
        Line($"  same {phase} task, {b.Setup.Name} over {a.Setup.Name}: median {Median(ratios):F2}x the time (quartiles {Quantile(ratios, 0.25):F2}x-{Quantile(ratios, 0.75):F2}x, {ratios.Count} tasks); the phase's CPU core-seconds {cpuA:F2} vs {cpuB:F2} ({cpuB / cpuA:F2}x)");
    }

    /// <summary>Whether every build wrote the same manifest.json and shards, byte for byte.</summary>
    public static bool PrintIdentity(IEnumerable<BuildMeasurement> all)
    {
        var groups = all.GroupBy(m => m.Fingerprint.Sha256).ToList();
        var first = groups[0].First().Fingerprint;
        if (groups.Count == 1)
        {
            Line($"outputs byte-identical (manifest.json and shards/, {first.Files} files, {first.Bytes:N0} bytes) across all {groups[0].Count()} builds of every configuration: yes");
            return true;
        }

        Console.WriteLine("outputs byte-identical (manifest.json and shards/) across all builds: NO");
        foreach (var g in groups)
        {
            Line($"  sha256 {g.Key[..16]}… ({g.First().Fingerprint.Files} files, {g.First().Fingerprint.Bytes:N0} bytes): {string.Join("; ", g.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Setup.Name} round {m.Round}")))}");
        }

        return false;
    }

    /// <summary>The machine's busy time that neither the build nor this benchmark used.</summary>
    private static double Others(MachineWindow machine, double build) => Math.Max(0, machine.BusySeconds - build - machine.BenchSeconds);

    /// <summary>A process's CPU core-seconds in a window by thread name, largest first (those under 0.05 s left out).</summary>
    private static string Threads(ProcessUsage u, string window) =>
        string.Join(", ", u.PhaseThreadCpuSeconds[window]
            .Where(t => t.Value >= 0.05)
            .OrderByDescending(t => t.Value)
            .Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Key} {t.Value:F2}")));

    private static double Median(IReadOnlyList<double> sorted) => Quantile(sorted, 0.5);

    private static double Quantile(IReadOnlyList<double> sorted, double q)
    {
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        var at = q * (sorted.Count - 1);
        var lo = (int)Math.Floor(at);
        var hi = Math.Min(lo + 1, sorted.Count - 1);
        return sorted[lo] + ((sorted[hi] - sorted[lo]) * (at - lo));
    }

    private static void Line(FormattableString text) => Console.WriteLine(text.ToString(CultureInfo.InvariantCulture));
}
