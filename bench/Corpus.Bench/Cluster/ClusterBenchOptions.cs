using System.Globalization;

namespace Corpus.Bench.Cluster;

/// <summary>
/// Arguments of <c>bench-cluster</c>: <c>--repeat N</c> runs of every configuration (the best is
/// reported), <c>--copies N</c> copies of the sample's WARC files in the cluster runs' input (a filter
/// phase long enough to measure), <c>--files-per-task N</c> to override the config's
/// <c>input.files_per_task</c>, <c>--timeout SECONDS</c> per build, <c>--keep</c> to leave the work
/// folder in place, and <c>--wait-quiet SECONDS</c> to wait up to that long before each build until
/// the machine's other load is under a quarter of a core (on a shared machine); <c>--probe-only</c>
/// prints the machine's own two-thread scaling and stops.
/// </summary>
internal sealed record ClusterBenchOptions(int Repeat, int Copies, int? FilesPerTask, int TimeoutSeconds, bool Keep, int WaitQuietSeconds)
{
    /// <summary><c>--probe-only</c>: print the machine's own two-thread scaling and stop.</summary>
    public bool ProbeOnly { get; init; }

    public static ClusterBenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new ClusterBenchOptions(1, 4, null, 1800, false, 0);
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            int Number(int min) =>
                i + 1 < args.Count && int.TryParse(args[++i], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min
                    ? n
                    : throw new ArgumentException($"bench-cluster: {name} needs a whole number >= {min}");
            options = name switch
            {
                "--repeat" => options with { Repeat = Number(1) },
                "--copies" => options with { Copies = Number(1) },
                "--files-per-task" => options with { FilesPerTask = Number(1) },
                "--timeout" => options with { TimeoutSeconds = Number(10) },
                "--keep" => options with { Keep = true },
                "--probe-only" => options with { ProbeOnly = true },
                "--wait-quiet" => options with { WaitQuietSeconds = Number(1) },
                var other => throw new ArgumentException($"bench-cluster: unknown argument '{other}' (--repeat N, --copies N, --files-per-task N, --timeout SECONDS, --keep, --wait-quiet SECONDS, --probe-only)"),
            };
        }

        return options;
    }
}
