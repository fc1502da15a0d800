using System.Reflection;
using System.Text;
using Corpus.Cli.Commands;
using Corpus.Cli.Commands.Lid;
using Corpus.Cli.Parsing;

namespace Corpus.Cli;

/// <summary>The <c>corpus</c> command line: finds the subcommand, parses its options, maps errors to exit codes.</summary>
internal static class CorpusCli
{
    public static IReadOnlyList<ICommand> Commands { get; } =
    [
        new BuildCommand(),
        new CrawlCommand(),
        new ExtractCommand(),
        new FilterCommand(),
        new DedupCommand(),
        new TokenizeCommand(),
        new ShardsVerifyCommand(),
        new PdfEvalCommand(),
        new ReportCommand(),
        new LidTrainCommand(),
        new LidPredictCommand(),
        new LidEvalCommand(),
        new LidBuildModelCommand(),
        new ClassifyAnnotateCommand(),
        new ClassifyTrainCommand(),
        new ClassifyLabelCommand(),
        new ClassifyPredictCommand(),
        new ClassifyEvalCommand(),
        new ModelTinyCommand(),
        new ServeCommand(),
        new SynthCommand(SynthVerifierFactory.CreateAsync),
    ];

    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken ct)
    {
        if (args.Length == 0)
        {
            await console.Error.WriteAsync(RootHelp()).ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        if (args[0] is "-h" or "--help" or "help")
        {
            await WriteAsync(console.Out, RootHelp(), ct).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        if (args[0] == "--version")
        {
            await WriteAsync(console.Out, $"corpus {Version}\n", ct).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        var (command, rest) = Find(args);
        if (command is null)
        {
            console.Error.WriteLine($"corpus: unknown command '{string.Join(' ', args.TakeWhile(a => !a.StartsWith('-')).Take(2))}'; see 'corpus --help'");
            return ExitCodes.Usage;
        }

        try
        {
            var parsed = ArgParser.Parse(command.Name, rest, command.Options);
            if (parsed.Help)
            {
                await WriteAsync(console.Out, CommandHelp(command), ct).ConfigureAwait(false);
                return ExitCodes.Success;
            }

            return await command.RunAsync(parsed, console, ct).ConfigureAwait(false);
        }
        catch (UsageException e)
        {
            console.Error.WriteLine($"corpus {command.Name}: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException)
        {
            console.Error.WriteLine($"corpus {command.Name}: cancelled");
            return ExitCodes.Failure;
        }
    }

    private static (ICommand? Command, string[] Remaining) Find(string[] args)
    {
        foreach (var c in Commands.OrderByDescending(c => c.Name.Split(' ').Length))
        {
            var words = c.Name.Split(' ');
            if (args.Length >= words.Length && words.Select((w, i) => args[i] == w).All(x => x))
            {
                return (c, args[words.Length..]);
            }
        }

        return (null, []);
    }

    private static string Version => typeof(CorpusCli).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    private static string RootHelp()
    {
        var sb = new StringBuilder();
        sb.Append("corpus: builds LLM pre-training corpora: documents in, verified token shards out.\n\n");
        sb.Append("Usage: corpus <command> [options]\n\nCommands:\n");
        foreach (var c in Commands)
        {
            sb.Append($"  {c.Name,-18} {c.Summary}\n");
        }

        sb.Append("\nRun 'corpus <command> --help' for a command's options.\n");
        sb.Append("Exit codes: 0 success, 1 failure, 2 usage error.\n");
        return sb.ToString();
    }

    private static string CommandHelp(ICommand c)
    {
        var sb = new StringBuilder();
        sb.Append($"corpus {c.Name}: {c.Summary}\n\nUsage: corpus {c.Usage}\n");
        var lefts = c.Options.Select(o => o.IsFlag ? o.Name : $"{o.Name} {o.ValueName}").ToList();
        var width = Math.Max(18, lefts.Count == 0 ? 0 : lefts.Max(l => l.Length)); // the column fits the longest option
        if (c.Options.Count > 0)
        {
            sb.Append("\nOptions:\n");
            for (var i = 0; i < c.Options.Count; i++)
            {
                sb.Append("  ").Append(lefts[i].PadRight(width)).Append(' ').Append(c.Options[i].Description).Append('\n');
            }
        }

        sb.Append("  ").Append("-h, --help".PadRight(width)).Append(" show this help\n");
        return sb.ToString();
    }

    private static async Task WriteAsync(Stream stream, string text, CancellationToken ct)
    {
        await stream.WriteAsync(Encoding.UTF8.GetBytes(text), ct).ConfigureAwait(false);
        await stream.FlushAsync(ct).ConfigureAwait(false);
    }
}
