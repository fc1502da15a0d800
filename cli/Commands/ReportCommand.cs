using System.Text;
using Corpus.Cli.Parsing;
using Corpus.Pipeline.Build;

namespace Corpus.Cli.Commands;

/// <summary><c>corpus report OUT</c>: rebuilds a finished build's <c>report/</c> from its outputs.</summary>
internal sealed class ReportCommand : ICommand
{
    public string Name => "report";

    public string Summary => "rebuild a build's language-mix report (report/index.html, report.json, report.md) from its outputs";

    public string Usage => "report OUT";

    public IReadOnlyList<OptionSpec> Options { get; } = [];

    public async Task<int> RunAsync(ParsedArgs args, CliConsole console, CancellationToken ct)
    {
        if (args.Positionals.Count != 1)
        {
            throw new UsageException("'corpus report' needs exactly one OUT (a build's output folder)");
        }

        var dir = args.Positionals[0];
        if (!Directory.Exists(dir))
        {
            console.Error.WriteLine($"corpus report: folder '{dir}' does not exist");
            return ExitCodes.Failure;
        }

        var error = await BuildRunner.RebuildReportAsync(dir, ct).ConfigureAwait(false);
        if (error is not null)
        {
            console.Error.WriteLine($"corpus report: {error}");
            return ExitCodes.Failure;
        }

        var index = Path.Combine(dir, "report", "index.html");
        await console.Out.WriteAsync(Encoding.UTF8.GetBytes($"wrote {index}, report.json and report.md\n"), ct).ConfigureAwait(false);
        await console.Out.FlushAsync(ct).ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
