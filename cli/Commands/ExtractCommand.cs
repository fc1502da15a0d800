using System.Globalization;
using System.Text;
using Corpus.Cli.Parsing;
using Corpus.Pipeline.Build;
using Corpus.Pipeline.Extract;

namespace Corpus.Cli.Commands;

/// <summary><c>corpus extract</c>: documents out of WARC/WET, HTML and text files.</summary>
internal sealed class ExtractCommand : ICommand
{
    public string Name => "extract";

    public string Summary => "extract documents from WARC/WET, HTML and text files or folders into .jsonl or .parquet";

    public string Usage => "extract INPUT... --out FILE.jsonl|FILE.parquet";

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        new("--out", "FILE", "output: .jsonl (id, url, title, text, language, content_type per line) or .parquet (the docs/ schema)"),
    ];

    public async Task<int> RunAsync(ParsedArgs args, CliConsole console, CancellationToken ct)
    {
        if (args.Positionals.Count == 0)
        {
            throw new UsageException("'corpus extract' needs at least one INPUT (a WARC/WET, HTML or text file, or a folder)");
        }

        var output = args.Value("--out") ?? throw new UsageException("'corpus extract' needs --out FILE.jsonl or FILE.parquet");
        if (!output.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) && !output.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase))
        {
            throw new UsageException($"--out '{output}' must end in .jsonl or .parquet");
        }

        try
        {
            var result = await ExtractRunner.RunAsync(
                args.Positionals,
                output,
                (url, reason, detail) => console.Error.WriteLine($"corpus extract: rejected {url}: {reason}: {detail}"),
                (docs, rejects) => console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"extract: {docs:N0} documents, {rejects:N0} rejects")),
                ct).ConfigureAwait(false);
            var line = string.Create(CultureInfo.InvariantCulture, $"extracted {result.Documents:N0} documents to {output}, {result.Rejects:N0} rejects\n");
            await console.Out.WriteAsync(Encoding.UTF8.GetBytes(line), ct).ConfigureAwait(false);
            await console.Out.FlushAsync(ct).ConfigureAwait(false);
            return ExitCodes.Success;
        }
        catch (BuildException e)
        {
            console.Error.WriteLine($"corpus extract: {e.Message}");
            return ExitCodes.Failure;
        }
    }
}
