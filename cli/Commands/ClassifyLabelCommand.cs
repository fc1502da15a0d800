using System.Globalization;
using System.Text;
using Corpus.Cli.Parsing;
using Corpus.Pipeline.Build;
using Corpus.Pipeline.Classify;

namespace Corpus.Cli.Commands;

/// <summary><c>corpus classify label</c>: the trained classifiers and the code detector on every document of a build.</summary>
internal sealed class ClassifyLabelCommand : ICommand
{
    public string Name => "classify label";

    public string Summary => "label every document of a build (edu score, domain, code kind, programming language) into DIR/labels/";

    public string Usage => "classify label --build DIR --models DIR [--from DIR] [--workers N]";

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        new("--build", "DIR", "the build folder; labels go to DIR/labels/"),
        new("--models", "DIR", "the folder with edu.bin and domain.bin (the --out of 'corpus classify train')"),
        new("--from", "DIR", "document parts under the build folder (default: dedup/kept, filtered or docs, the last that exists)"),
        new("--workers", "N", "documents labelled at once (default: the number of cores)"),
    ];

    public async Task<int> RunAsync(ParsedArgs args, CliConsole console, CancellationToken ct)
    {
        if (args.Positionals.Count > 0)
        {
            throw new UsageException($"unexpected argument '{args.Positionals[0]}'; see 'corpus {Name} --help'");
        }

        var options = new LabelOptions
        {
            BuildDir = args.Value("--build") ?? throw new UsageException($"'corpus {Name}' needs --build DIR"),
            ModelsDir = args.Value("--models") ?? throw new UsageException($"'corpus {Name}' needs --models DIR"),
            InputDir = args.Value("--from"),
            Workers = args.Value("--workers") is { } w ? ArgParser.ParseInt("--workers", w, 1, 1024) : Environment.ProcessorCount,
        };
        try
        {
            var result = await CorpusLabeler.LabelAsync(options, null, ct).ConfigureAwait(false);
            var sb = new StringBuilder();
            sb.Append(CultureInfo.InvariantCulture, $"labelled {result.Documents:N0} documents of {result.InputDir} into {Path.Combine(options.BuildDir, CorpusLabeler.LabelsDir)}; mean edu score {result.MeanEduScore:F2}\n");
            sb.Append("domains:");
            foreach (var (domain, count) in result.Domains)
            {
                sb.Append(CultureInfo.InvariantCulture, $" {domain} {count:N0}");
            }

            sb.Append("\ncode:");
            foreach (var (kind, count) in result.CodeKinds)
            {
                sb.Append(CultureInfo.InvariantCulture, $" {kind} {count:N0}");
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
}
