using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Corpus.Bench.Cluster;

/// <summary>
/// Runs one <c>corpus build</c> as real processes of the CLI dll, the way a user would: a single
/// process, or a coordinator (<c>--workers 0</c>) and worker processes (<c>--workers N</c> each) on
/// free loopback ports sharing one output folder. Measures the wall time, reads the run log back,
/// fingerprints the product and attributes CPU seconds to every process and phase.
/// </summary>
internal static class BenchBuild
{
    /// <summary>How long the workers may take to exit after the coordinator finished the build.</summary>
    private static readonly TimeSpan WorkerExitGrace = TimeSpan.FromSeconds(120);

    /// <param name="input">Input folder, or null for <c>--sample</c>.</param>
    public static async Task<BuildMeasurement> RunAsync(string corpusDll, BuildSetup setup, int round, string? input, string? config, string output, TimeSpan timeout)
    {
        var common = new List<string> { "build" };
        common.AddRange(input is null ? ["--sample"] : ["--input", input]);
        common.AddRange(["--out", output]);
        if (config is not null)
        {
            common.AddRange(["--config", config]);
        }

        var processes = new List<(BuildProcess Process, string? Prefix)>();
        await using var machine = MachineCpu.Start();
        var clock = Stopwatch.StartNew();
        try
        {
            if (!setup.IsCluster)
            {
                processes.Add((BuildProcess.Start("build", corpusDll, [.. common, "--workers", Num(setup.Workers)]), "local/"));
                await WaitOkAsync(processes[0].Process, timeout).ConfigureAwait(false);
            }
            else
            {
                var ports = FreePorts(1 + setup.WorkerProcesses);
                var coordinator = BuildProcess.Start("coordinator", corpusDll, [.. common, "--cluster", "--role", "coordinator", "--port", Num(ports[0]), "--workers", "0"]);
                processes.Add((coordinator, null));
                for (var w = 1; w <= setup.WorkerProcesses; w++)
                {
                    var worker = BuildProcess.Start(
                        string.Create(CultureInfo.InvariantCulture, $"worker {w}"),
                        corpusDll,
                        [.. common, "--cluster", "--role", "worker", "--seed-node", "127.0.0.1:" + Num(ports[0]), "--port", Num(ports[w]), "--workers", Num(setup.Workers)]);
                    processes.Add((worker, "127.0.0.1:" + Num(ports[w]) + "/"));
                }

                await WaitOkAsync(coordinator, timeout).ConfigureAwait(false);
                foreach (var (worker, _) in processes.Skip(1))
                {
                    await WaitOkAsync(worker, WorkerExitGrace).ConfigureAwait(false);
                }
            }

            var wall = clock.Elapsed.TotalSeconds;
            var timeline = RunTimeline.Read(output);
            if (!timeline.Ok)
            {
                throw new BuildFailedException($"{setup.Name}: run.jsonl says the run failed");
            }

            var windows = timeline.Phases.Select(p => (p.Phase, p.Start, p.End)).Append(("run", timeline.Start, timeline.End)).ToList();
            var usage = processes.Select(p => new ProcessUsage(
                p.Process.Label,
                p.Prefix,
                p.Process.Launched,
                p.Process.Cpu.Last,
                windows.ToDictionary(w => w.Item1, w => p.Process.Cpu.Between(w.Item2, w.Item3)),
                windows.ToDictionary(w => w.Item1, w => ByThread(p.Process.Threads, w.Item2, w.Item3)))).ToList();
            var machineWindows = windows.ToDictionary(w => w.Item1, w => new MachineWindow(machine.Busy.Between(w.Item2, w.Item3), machine.Steal.Between(w.Item2, w.Item3), machine.Self.Between(w.Item2, w.Item3)));
            return new BuildMeasurement(setup, round, wall, timeline, OutputFingerprint.Of(output), usage, machineWindows);
        }
        finally
        {
            foreach (var (process, _) in processes)
            {
                await process.DisposeAsync().ConfigureAwait(false);
            }
        }

        async Task WaitOkAsync(BuildProcess process, TimeSpan limit)
        {
            // Any process of the build failing fails it: stop waiting on the others then.
            var deadline = DateTime.UtcNow + limit;
            while (!await process.WaitAsync(TimeSpan.FromMilliseconds(500)).ConfigureAwait(false))
            {
                if (processes.FirstOrDefault(p => p.Process.HasExited && p.Process.ExitCode != 0).Process is { } failed)
                {
                    throw Failure(failed, $"exited with {failed.ExitCode}");
                }

                if (DateTime.UtcNow > deadline)
                {
                    throw Failure(process, string.Create(CultureInfo.InvariantCulture, $"still running after {limit.TotalSeconds:F0} s"));
                }
            }

            if (process.ExitCode != 0)
            {
                throw Failure(process, $"exited with {process.ExitCode}");
            }
        }

        BuildFailedException Failure(BuildProcess process, string what) =>
            new($"{setup.Name} (round {round}), {process.Label} {what}; its last lines:\n{process.Tail()}");
    }

    private static IReadOnlyDictionary<string, double> ByThread(ThreadCpu threads, DateTime from, DateTime to) =>
        threads.Groups.ToDictionary(g => g.Key, g => g.Value.Between(from, to), StringComparer.Ordinal);

    private static string Num(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Distinct free loopback ports: each held open until all are picked, so none repeats.</summary>
    private static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(l => l.Start());
            return [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }
}
