using System.Globalization;
using System.Text;
using Corpus.Cli.Commands.Progress;
using Corpus.Cli.Parsing;
using Corpus.Core.Configuration;
using Corpus.Pipeline.Build;

namespace Corpus.Cli.Commands;

/// <summary><c>corpus build</c>: local files in, verified token shards out.</summary>
internal sealed class BuildCommand : ICommand
{
    public string Name => "build";

    public string Summary => "build a corpus: ingest a folder of documents and write token shards";

    public string Usage => "build (--input DIR | --sample) --out DIR [--config FILE] [--workers N] [--seed N] [--force] [--progress MODE]";

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        new("--input", "DIR", "folder of .txt, .md, .html and WARC/WET files, read recursively"),
        new("--sample", null, "build from the bundled sample web site: served on 127.0.0.1, crawled into OUT/warc"),
        new("--out", "DIR", "output folder; an unfinished build of the same input and config there is resumed"),
        new("--config", "FILE", "build config (JSON); every key is optional, see README"),
        new("--workers", "N", "worker actors per phase (default: the number of cores); does not change the output"),
        new("--seed", "N", "seed for seeded decisions; overrides the config's 'seed'"),
        new("--force", null, "start over when the output folder holds a different build"),
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
        var workers = args.Value("--workers") is { } w ? ArgParser.ParseInt("--workers", w, 1, 4096) : Environment.ProcessorCount;
        if (ConfigOption.Load(args, console, "build") is not { } config)
        {
            return ExitCodes.Failure;
        }

        if (args.Value("--seed") is { } seed)
        {
            config = config with { Seed = ArgParser.ParseLong("--seed", seed) };
        }

        var mode = ProgressModes.Parse(args.Value("--progress"));
        var request = new BuildRequest(input ?? string.Empty, output, config, workers, args.Flag("--force")) { Sample = sample };
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

        var summary = string.Create(
            CultureInfo.InvariantCulture,
            $"built {output}: {result.Documents:N0} documents, {result.Tokens:N0} tokens, {result.Rejects:N0} rejects (see rejects/); stages: {string.Join(", ", result.Stages.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Stage} {s.Tokens:N0} tokens")))}; report: {Path.Combine(output, "report", "index.html")}\n");
        var bytes = Encoding.UTF8.GetBytes(summary);
        await console.Out.WriteAsync(bytes, ct).ConfigureAwait(false);
        await console.Out.FlushAsync(ct).ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
