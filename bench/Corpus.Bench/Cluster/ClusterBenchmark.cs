using System.Globalization;

namespace Corpus.Bench.Cluster;

/// <summary>
/// <c>bench-cluster</c>: the speed-up of 2 cluster worker processes over 1 on the filter phase, with the
/// in-process speed-up (<c>--workers 2</c> over <c>--workers 1</c>) beside it as the anchor, and the
/// single-process sample build's documents/s per core for the whole pipeline.
/// </summary>
/// <remarks>
/// First a single-process <c>corpus build --sample --workers CORES</c>; its crawl (<c>warc/*.warc.gz</c>)
/// copied <c>--copies</c> times under different names is the input of every later build, so the crawl
/// is not part of the comparison and the filter phase is long enough to measure. Then, round by
/// round, four builds of that input, each into a fresh folder: a coordinator (<c>--workers 0</c>) with
/// one worker process (<c>--workers 1</c>), a coordinator with two, and one process with
/// <c>--workers 1</c> and <c>--workers 2</c>. Every number comes from the builds' own
/// <c>_build/run.jsonl</c> and the processes' CPU time; the products must be byte-identical.
/// </remarks>
internal static class ClusterBenchmark
{
    /// <summary>The issue's goal for 2 worker processes over 1 on the filter phase.</summary>
    private const double Goal = 1.7;

    /// <summary>With --wait-quiet, the machine counts as quiet below this many busy cores.</summary>
    private const double QuietCores = 0.25;

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        ClusterBenchOptions options;
        try
        {
            options = ClusterBenchOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }

        var corpusDll = Path.Combine(BenchInputs.RepoRoot, "cli", "bin", "Release", "net10.0", "corpus.dll");
        if (!File.Exists(corpusDll))
        {
            Console.Error.WriteLine($"build the CLI first: dotnet build -c Release cli ({corpusDll} is missing)");
            return 2;
        }

        var cores = Environment.ProcessorCount;
        await WaitQuietAsync(options).ConfigureAwait(false);
        double compute, memory, others, elapsed;
        await using (var machine = MachineCpu.Start())
        {
            var from = DateTime.UtcNow;
            (compute, memory) = MachineScaling.SpeedUp(cores);
            var to = DateTime.UtcNow;
            elapsed = (to - from).TotalSeconds;
            others = Math.Max(0, machine.Busy.Between(from, to) - machine.Self.Between(from, to));
        }

        Line($"machine ceiling, the same fixed work on 1 thread vs on each of {cores} threads at once (best of 3): {cores} threads run {compute:F2}x as fast on a register-only loop, {memory:F2}x streaming 64 MB per thread (other processes used {others:F1} of {elapsed * cores:F1} core-s meanwhile)");
        if (options.ProbeOnly)
        {
            return 0;
        }

        var timeout = TimeSpan.FromSeconds(options.TimeoutSeconds);
        var work = Directory.CreateTempSubdirectory("corpus-bench-cluster-").FullName;
        try
        {
            Line($"cluster benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {cores} cores, {options.Repeat} round(s), input = the sample crawl x{options.Copies}{(options.FilesPerTask is { } f ? string.Create(CultureInfo.InvariantCulture, $", input.files_per_task {f}") : string.Empty)}");

            var sampleSetup = new BuildSetup(string.Create(CultureInfo.InvariantCulture, $"one process, --sample --workers {cores}"), 0, cores);
            var input = Path.Combine(work, "input");
            BuildMeasurement? sample = null;
            for (var round = 1; round <= options.Repeat; round++)
            {
                var output = Path.Combine(work, string.Create(CultureInfo.InvariantCulture, $"sample-{round}"));
                await WaitQuietAsync(options).ConfigureAwait(false);
                var m = await BenchBuild.RunAsync(corpusDll, sampleSetup, round, null, null, output, timeout).ConfigureAwait(false);
                ClusterReport.PrintProgress(m);
                if (round == 1)
                {
                    CopyCrawl(Path.Combine(output, "warc"), input, options.Copies);
                }

                if (sample is null || m.Timeline.Seconds < sample.Timeline.Seconds)
                {
                    sample = m;
                }

                Discard(output, options.Keep);
            }

            ClusterReport.PrintSample(sample!, cores, options.Repeat);
            Console.WriteLine();

            string? config = null;
            if (options.FilesPerTask is { } perTask)
            {
                config = Path.Combine(work, "config.json");
                File.WriteAllText(config, string.Create(CultureInfo.InvariantCulture, $"{{ \"input\": {{ \"files_per_task\": {perTask} }} }}\n"));
            }

            var clusterOne = new BuildSetup("cluster, 1 worker process", 1, 1);
            var clusterTwo = new BuildSetup("cluster, 2 worker processes", 2, 1);
            var localOne = new BuildSetup("one process, --workers 1", 0, 1);
            var localTwo = new BuildSetup("one process, --workers 2", 0, 2);
            BuildSetup[] setups = [clusterOne, clusterTwo, localOne, localTwo];
            var runs = setups.ToDictionary(s => s, _ => new List<BuildMeasurement>());
            Line($"builds of {input} ({Directory.GetFiles(input).Length} WARC files, {Directory.GetFiles(input).Sum(p => new FileInfo(p).Length) / 1e6:F1} MB), each into a fresh folder, configurations interleaved:");
            for (var round = 1; round <= options.Repeat; round++)
            {
                foreach (var setup in setups)
                {
                    var output = Path.Combine(work, string.Create(CultureInfo.InvariantCulture, $"run-{round}-{Array.IndexOf(setups, setup)}"));
                    await WaitQuietAsync(options).ConfigureAwait(false);
                    var m = await BenchBuild.RunAsync(corpusDll, setup, round, input, config, output, timeout).ConfigureAwait(false);
                    ClusterReport.PrintProgress(m);
                    runs[setup].Add(m);
                    Discard(output, options.Keep);
                }
            }

            Console.WriteLine();
            ClusterReport.PrintTable(clusterOne, clusterTwo, localOne, localTwo, runs, Goal);
            var identical = ClusterReport.PrintIdentity(runs.Values.SelectMany(r => r));
            Console.WriteLine();
            var best = setups.Select(s => runs[s].MinBy(m => m.PhaseSeconds("filter"))!).ToList();
            ClusterReport.PrintPhaseAnalysis("filter", best, cores);
            ClusterReport.PrintTaskComparison("filter", best[0], best[1]);
            ClusterReport.PrintTaskComparison("filter", best[2], best[3]);
            ClusterReport.PrintTaskComparison("filter", best[2], best[0]);
            return identical ? 0 : 1;
        }
        catch (BuildFailedException e)
        {
            Console.Error.WriteLine($"bench-cluster: a build failed: {e.Message}");
            return 1;
        }
        finally
        {
            if (options.Keep)
            {
                Console.WriteLine($"kept {work}");
            }
            else
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    /// <summary>Copies every <c>*.warc.gz</c> of the crawl <paramref name="copies"/> times, each copy under its own name.</summary>
    private static void CopyCrawl(string warcDir, string input, int copies)
    {
        Directory.CreateDirectory(input);
        var files = Directory.GetFiles(warcDir, "*.warc.gz").Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            throw new BuildFailedException($"the sample build left no WARC files in {warcDir}");
        }

        for (var copy = 0; copy < copies; copy++)
        {
            foreach (var file in files)
            {
                File.Copy(file, Path.Combine(input, string.Create(CultureInfo.InvariantCulture, $"copy{copy:D2}-{Path.GetFileName(file)}")));
            }
        }
    }

    /// <summary>With --wait-quiet: waits for the machine's other load to drop under a quarter of a core, and says how long that took.</summary>
    private static async Task WaitQuietAsync(ClusterBenchOptions options)
    {
        if (options.WaitQuietSeconds == 0)
        {
            return;
        }

        var (waited, busy) = await MachineCpu.WaitQuietAsync(QuietCores, TimeSpan.FromSeconds(options.WaitQuietSeconds)).ConfigureAwait(false);
        if (waited > 2.5)
        {
            Line($"  (waited {waited:F0} s for a quiet machine; busy {busy:F2} cores when the next build started)");
        }
    }

    private static void Discard(string output, bool keep)
    {
        if (!keep)
        {
            Directory.Delete(output, recursive: true);
        }
    }

    private static void Line(FormattableString text) => Console.WriteLine(text.ToString(CultureInfo.InvariantCulture));
}
