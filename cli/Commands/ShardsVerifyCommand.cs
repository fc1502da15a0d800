using System.Globalization;
using System.Text;
using Corpus.Cli.Parsing;
using Corpus.Shards.Verification;

namespace Corpus.Cli.Commands;

/// <summary><c>corpus shards verify DIR</c>: every file against the manifest, every .idx against its .bin.</summary>
internal sealed class ShardsVerifyCommand : ICommand
{
    public string Name => "shards verify";

    public string Summary => "check a build's shards against manifest.json; exit 1 naming each faulty file";

    public string Usage => "shards verify DIR";

    public IReadOnlyList<OptionSpec> Options { get; } = [];

    public async Task<int> RunAsync(ParsedArgs args, CliConsole console, CancellationToken ct)
    {
        if (args.Positionals.Count != 1)
        {
            throw new UsageException("'corpus shards verify' needs exactly one DIR (a build's output folder)");
        }

        var dir = args.Positionals[0];
        if (!Directory.Exists(dir))
        {
            console.Error.WriteLine($"corpus shards verify: folder '{dir}' does not exist");
            return ExitCodes.Failure;
        }

        var result = await ShardVerifier.VerifyAsync(dir, ct).ConfigureAwait(false);
        if (!result.IsValid)
        {
            foreach (var fault in result.Faults)
            {
                console.Error.WriteLine($"corpus shards verify: {fault}");
            }

            console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"corpus shards verify: {result.Faults.Count} fault(s) in {dir}"));
            return ExitCodes.Failure;
        }

        await console.Out.WriteAsync(Encoding.UTF8.GetBytes($"ok: {dir} matches its manifest\n"), ct).ConfigureAwait(false);
        await console.Out.FlushAsync(ct).ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
