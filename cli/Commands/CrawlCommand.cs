using System.Globalization;
using System.Text;
using Corpus.Cli.Commands.Progress;
using Corpus.Cli.Parsing;
using Corpus.Pipeline.Crawl;

namespace Corpus.Cli.Commands;

/// <summary><c>corpus crawl</c>: polite crawl from seed URLs into WARC files.</summary>
internal sealed class CrawlCommand : ICommand
{
    public string Name => "crawl";

    public string Summary => "crawl from seed URLs (robots.txt, politeness, scope) into DIR/*.warc.gz";

    public string Usage => "crawl --seed URL... --out DIR [--max-pages N] [--max-depth N] [--allow-host H...] [--include REGEX...] [--exclude REGEX...] [--politeness-ms N] [--user-agent S]";

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        new("--seed", "URL...", "start URLs (http or https)", Many: true),
        new("--out", "DIR", "folder for the WARC files"),
        new("--max-pages", "N", "pages to fetch at most (default 10000)"),
        new("--max-depth", "N", "links to follow from a seed at most (default 10)"),
        new("--allow-host", "H...", "hosts the crawl may enter (exact or *.example.com); default: the seeds' hosts", Many: true),
        new("--include", "REGEX...", "regular expressions a URL must match one of (default: any)", Many: true),
        new("--exclude", "REGEX...", "regular expressions that keep a URL out", Many: true),
        new("--politeness-ms", "N", "least milliseconds between requests to one host (default 1000; robots Crawl-delay may raise it)"),
        new("--user-agent", "S", "User-Agent and robots.txt product token (default CorpusBot/1.0)"),
    ];

    public async Task<int> RunAsync(ParsedArgs args, CliConsole console, CancellationToken ct)
    {
        var seeds = args.Values("--seed");
        if (seeds.Count == 0)
        {
            throw new UsageException("'corpus crawl' needs at least one --seed URL");
        }

        foreach (var seed in seeds)
        {
            if (!Uri.TryCreate(seed, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                throw new UsageException($"--seed '{seed}' is not an http or https URL");
            }
        }

        var output = args.Value("--out") ?? throw new UsageException("'corpus crawl' needs --out DIR");
        var politeness = args.Value("--politeness-ms") is { } p ? ArgParser.ParseInt("--politeness-ms", p, 0, 3_600_000) : 1000;
        var options = new CrawlOptions
        {
            Seeds = seeds,
            WarcDirectory = Path.GetFullPath(output),
            MaxPages = args.Value("--max-pages") is { } mp ? ArgParser.ParseInt("--max-pages", mp, 1, int.MaxValue) : 10_000,
            MaxDepth = args.Value("--max-depth") is { } md ? ArgParser.ParseInt("--max-depth", md, 0, 1000) : 10,
            AllowedHosts = args.Values("--allow-host"),
            Include = args.Values("--include"),
            Exclude = args.Values("--exclude"),
            Politeness = TimeSpan.FromMilliseconds(politeness),
            MaxConnectionsPerHost = politeness == 0 ? 8 : 1,
            UserAgent = args.Value("--user-agent") ?? "CorpusBot/1.0",
        };
        var progress = new ProgressPrinter(console.Error);
        try
        {
            var result = await Crawler.RunAsync(options, progress, ct).ConfigureAwait(false);
            var sb = new StringBuilder();
            sb.Append(CultureInfo.InvariantCulture, $"crawled {result.Pages:N0} pages in {result.Elapsed.TotalSeconds:F1}s into {result.WarcFiles.Count} WARC file(s) in {output}\n");
            foreach (var (reason, count) in result.Failures)
            {
                sb.Append(CultureInfo.InvariantCulture, $"  not stored: {count:N0} {reason}\n");
            }

            await console.Out.WriteAsync(Encoding.UTF8.GetBytes(sb.ToString()), ct).ConfigureAwait(false);
            await console.Out.FlushAsync(ct).ConfigureAwait(false);
            return ExitCodes.Success;
        }
        catch (IOException e)
        {
            console.Error.WriteLine($"corpus crawl: {e.Message}");
            return ExitCodes.Failure;
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message.Split(" (Parameter", 2)[0]);
        }
    }
}
