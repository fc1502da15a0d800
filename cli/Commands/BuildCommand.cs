using System.Globalization;
using System.Text;
using Corpus.Cli.Commands.Progress;
using Corpus.Cli.Parsing;
using Corpus.Core.Configuration;
using Corpus.Pipeline.Build;
using Corpus.Pipeline.Cluster;

namespace Corpus.Cli.Commands;

/// <summary><c>corpus build</c>: local files in, verified token shards out.</summary>
internal sealed class BuildCommand : ICommand
{
    public string Name => "build";

    public string Summary => "build a corpus: ingest a folder of documents and write token shards";

    public string Usage => "build (--input DIR | --sample) --out DIR [--config FILE] [--workers N] [--seed N] [--force] [--progress MODE] [--cluster --role coordinator|worker [--seed-node HOST:PORT] [--host HOST] [--port N] [--min-workers N] [--lost-after S]]";

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        new("--input", "DIR", "folder of .txt, .md, .html and WARC/WET files, read recursively"),
        new("--sample", null, "build from the bundled sample web site: served on 127.0.0.1, crawled into OUT/warc"),
        new("--out", "DIR", "output folder; an unfinished build of the same input and config there is resumed"),
        new("--config", "FILE", "build config (JSON); every key is optional, see README"),
        new("--workers", "N", "worker actors per phase (default: the number of cores); does not change the output"),
        new("--seed", "N", "seed for seeded decisions; overrides the config's 'seed'"),
        new("--force", null, "start over when the output folder holds a different build"),
        new("--cluster", null, "run as one node of a cluster build (Akka.Cluster); every node shares --out"),
        new("--role", "ROLE", "cluster role: 'coordinator' (plans the build, hands out tasks; one per build) or 'worker' (runs tasks)"),
        new("--seed-node", "HOST:PORT", "a node to join the cluster through (the coordinator's --host:--port); a coordinator without one starts the cluster", Many: true),
        new("--host", "HOST", "address this node listens on and the others reach it at (default 127.0.0.1)"),
        new("--port", "N", "port this node listens on (default: 4053 for the coordinator, any free one for a worker)"),
        new("--min-workers", "N", "cluster coordinator: worker nodes to wait for before starting (default 1); the sample crawl spreads its hosts over them"),
        new("--lost-after", "SECONDS", "cluster: how long a silent node may take before it counts as lost and its tasks go to the others (default 30)"),
        new("--progress", "MODE", $"progress on stderr: {ProgressModes.Values}; auto (default) is live on a terminal, plain lines when redirected or CI is set"),
    ];

    public async Task<int> RunAsync(ParsedArgs args, CliConsole console, CancellationToken ct)
    {
        if (args.Positionals.Count > 0)
        {
            throw new UsageException($"unexpected argument '{args.Positionals[0]}'; see 'corpus build --help'");
        }

        var sample = args.Flag("--sample");
        var input = args.Value("--input");
        if (sample == (input is not null))
        {
            throw new UsageException("'corpus build' needs exactly one of --input DIR and --sample");
        }

        var output = args.Value("--out") ?? throw new UsageException("'corpus build' needs --out DIR");
        var cluster = ParseCluster(args);
        var workers = args.Value("--workers") is { } w
            ? ArgParser.ParseInt("--workers", w, cluster?.Role == ClusterRole.Coordinator ? 0 : 1, 4096)
            : cluster?.Role == ClusterRole.Coordinator ? 0 : Environment.ProcessorCount;
        if (ConfigOption.Load(args, console, "build") is not { } config)
        {
            return ExitCodes.Failure;
        }

        if (args.Value("--seed") is { } seed)
        {
            config = config with { Seed = ArgParser.ParseLong("--seed", seed) };
        }

        var mode = ProgressModes.Parse(args.Value("--progress"));
        var request = new BuildRequest(input ?? string.Empty, output, config, workers, args.Flag("--force")) { Sample = sample, Cluster = cluster };
        BuildResult result;
        var progress = ProgressDisplay.Create(mode, console, Environment.GetEnvironmentVariable);
        try
        {
            result = await BuildRunner.RunAsync(request, progress, ct, progress).ConfigureAwait(false);
        }
        finally
        {
            // The live area ends before anything else is written to stderr.
            if (progress is not null)
            {
                await progress.DisposeAsync().ConfigureAwait(false);
            }
        }

        if (!result.Succeeded)
        {
            console.Error.WriteLine($"corpus build: {result.Error}");
            return ExitCodes.Failure;
        }

        if (cluster?.Role == ClusterRole.Worker)
        {
            var done = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"worker done: the build in {output} finished; this node ran {result.TasksRun:N0} task attempts\n"));
            await console.Out.WriteAsync(done, ct).ConfigureAwait(false);
            await console.Out.FlushAsync(ct).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        var summary = string.Create(
            CultureInfo.InvariantCulture,
            $"built {output}: {result.Documents:N0} documents, {result.Tokens:N0} tokens, {result.Rejects:N0} rejects (see rejects/); stages: {string.Join(", ", result.Stages.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Stage} {s.Tokens:N0} tokens")))}; report: {Path.Combine(output, "report", "index.html")}\n");
        var bytes = Encoding.UTF8.GetBytes(summary);
        await console.Out.WriteAsync(bytes, ct).ConfigureAwait(false);
        await console.Out.FlushAsync(ct).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    private static ClusterOptions? ParseCluster(ParsedArgs args)
    {
        string[] clusterOnly = ["--role", "--seed-node", "--host", "--port", "--lost-after", "--min-workers"];
        if (!args.Flag("--cluster"))
        {
            return clusterOnly.FirstOrDefault(o => args.Value(o) is not null) is { } stray
                ? throw new UsageException($"{stray} needs --cluster")
                : null;
        }

        var role = args.Value("--role") switch
        {
            "coordinator" => ClusterRole.Coordinator,
            "worker" => ClusterRole.Worker,
            null => throw new UsageException("--cluster needs --role coordinator or --role worker"),
            var other => throw new UsageException($"--role must be 'coordinator' or 'worker', not '{other}'"),
        };
        var seeds = args.Values("--seed-node");
        if (role == ClusterRole.Worker && seeds.Count == 0)
        {
            throw new UsageException("a worker needs --seed-node HOST:PORT (the coordinator's address)");
        }

        foreach (var seed in seeds)
        {
            var colon = seed.LastIndexOf(':');
            if (colon <= 0 || !int.TryParse(seed.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var p) || p is < 1 or > 65535)
            {
                throw new UsageException($"--seed-node '{seed}' is not HOST:PORT");
            }
        }

        var port = args.Value("--port") is { } text ? ArgParser.ParseInt("--port", text, 0, 65535) : role == ClusterRole.Coordinator ? 4053 : 0;
        if (role == ClusterRole.Coordinator && port == 0 && seeds.Count == 0)
        {
            throw new UsageException("a coordinator that starts the cluster needs a fixed --port for the workers to join");
        }

        var options = new ClusterOptions(role, args.Value("--host") ?? "127.0.0.1", port, seeds);
        if (args.Value("--min-workers") is { } min)
        {
            options = role == ClusterRole.Coordinator
                ? options with { MinWorkers = ArgParser.ParseInt("--min-workers", min, 1, 100_000) }
                : throw new UsageException("--min-workers is for the coordinator");
        }

        return args.Value("--lost-after") is { } lost
            ? options with { LostAfter = TimeSpan.FromSeconds(ArgParser.ParseInt("--lost-after", lost, 3, 3600)) }
            : options;
    }
}
