using System.Globalization;
using System.Text;
using Corpus.Cli.Parsing;
using Corpus.Core.Configuration;
using Corpus.Pipeline.Build;
using Corpus.Pipeline.Standalone;

namespace Corpus.Cli.Commands;

/// <summary><c>corpus filter</c> and <c>corpus dedup</c>: the build's filter and dedup steps on one file.</summary>
internal abstract class FilterDedupCommand : ICommand
{
    public abstract string Name { get; }

    public abstract string Summary { get; }

    public abstract string Usage { get; }

    public virtual IReadOnlyList<OptionSpec> Options { get; } =
    [
        new("--out", "FILE", "output .jsonl or .parquet"),
        new("--config", "FILE", "build config (JSON) whose filters, decontamination and dedup sections apply"),
    ];

    public async Task<int> RunAsync(ParsedArgs args, CliConsole console, CancellationToken ct)
    {
        if (args.Positionals.Count != 1)
        {
            throw new UsageException($"'corpus {Name}' needs exactly one IN file (.jsonl or .parquet)");
        }

        var output = args.Value("--out") ?? throw new UsageException($"'corpus {Name}' needs --out FILE");
        if (ConfigOption.Load(args, console, Name) is not { } config)
        {
            return ExitCodes.Failure;
        }

        try
        {
            var result = await RunCoreAsync(args, args.Positionals[0], output, config, line => console.Error.WriteLine($"corpus {Name}: {line}"), ct).ConfigureAwait(false);
            var sb = new StringBuilder();
            sb.Append(CultureInfo.InvariantCulture, $"kept {result.Kept:N0} documents in {output}");
            foreach (var (reason, count) in result.Removed)
            {
                sb.Append(CultureInfo.InvariantCulture, $", {count:N0} {reason}");
            }

            if (result.BadLines > 0)
            {
                sb.Append(CultureInfo.InvariantCulture, $", {result.BadLines:N0} bad lines");
            }

            await console.Out.WriteAsync(Encoding.UTF8.GetBytes(sb.Append('\n').ToString()), ct).ConfigureAwait(false);
            await console.Out.FlushAsync(ct).ConfigureAwait(false);
            return ExitCodes.Success;
        }
        catch (BuildException e)
        {
            console.Error.WriteLine($"corpus {Name}: {e.Message}");
            return ExitCodes.Failure;
        }
    }

    protected abstract Task<StandaloneResult> RunCoreAsync(ParsedArgs args, string input, string output, BuildConfig config, Action<string> report, CancellationToken ct);
}

/// <summary><c>corpus filter IN --out OUT</c>.</summary>
internal sealed class FilterCommand : FilterDedupCommand
{
    public override string Name => "filter";

    public override string Summary => "normalize, decontaminate, quality-filter and PII-redact documents in a .jsonl or .parquet file";

    public override string Usage => "filter IN --out OUT [--config FILE]";

    protected override Task<StandaloneResult> RunCoreAsync(ParsedArgs args, string input, string output, BuildConfig config, Action<string> report, CancellationToken ct) =>
        StandaloneRunners.FilterAsync(input, output, config, report, ct);
}

/// <summary><c>corpus dedup IN --out OUT [--clusters FILE]</c>.</summary>
internal sealed class DedupCommand : FilterDedupCommand
{
    public override string Name => "dedup";

    public override string Summary => "remove exact and near duplicates (MinHash LSH) from a .jsonl or .parquet file";

    public override string Usage => "dedup IN --out OUT [--clusters FILE.parquet] [--config FILE]";

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        new("--out", "FILE", "output .jsonl or .parquet"),
        new("--clusters", "FILE", "write the duplicate clusters (keeper_id, member_id, reason) to this .parquet file"),
        new("--config", "FILE", "build config (JSON) whose dedup section applies"),
    ];

    protected override Task<StandaloneResult> RunCoreAsync(ParsedArgs args, string input, string output, BuildConfig config, Action<string> report, CancellationToken ct) =>
        StandaloneRunners.DedupAsync(input, output, config, args.Value("--clusters"), report, ct);
}
