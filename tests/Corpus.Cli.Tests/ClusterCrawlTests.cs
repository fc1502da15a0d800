using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Corpus.Cli.Tests;

/// <summary>
/// The sample crawl across nodes: a coordinator and two workers build the sample with a politeness
/// delay; the sample site's own access log shows the gaps its host saw.
/// </summary>
public sealed class ClusterCrawlTests : IDisposable
{
    private const int DelayMs = 150;
    private readonly string _root = TestEnvironment.NewTempDir("cluster-crawl");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Two_workers_crawling_never_send_the_host_two_requests_closer_than_the_delay()
    {
        var output = Path.Combine(_root, "out");
        var config = Path.Combine(_root, "config.json");
        File.WriteAllText(config, $$$"""{"crawl": {"politeness_ms": {{{DelayMs}}}, "max_connections_per_host": 1, "max_pages": 30}}""");
        var ports = TestEnvironment.FreePorts(3);
        string[] common = ["build", "--sample", "--out", output, "--config", config, "--cluster", "--lost-after", "20"];
        var processes = new List<(string Node, Process Process, Task<string> Stderr)>
        {
            Start($"127.0.0.1:{ports[0]}", [.. common, "--role", "coordinator", "--port", Port(ports[0]), "--min-workers", "2"]),
        };
        processes.AddRange(ports.Skip(1).Select(p => Start($"127.0.0.1:{p}", [.. common, "--role", "worker", "--seed-node", $"127.0.0.1:{ports[0]}", "--port", Port(p), "--workers", "1"])));
        try
        {
            foreach (var (_, process, _) in processes)
            {
                process.WaitForExit(TimeSpan.FromMinutes(5)).Should().BeTrue("every node ends with the build");
            }

            var log = string.Join("\n", processes.Select(p => $"--- {p.Node}:\n{p.Stderr.Result}"));
            processes.Select(p => p.Process.ExitCode).Should().Equal([0, 0, 0], log);

            // The one host of the sample site belongs to one worker node, which wrote every WARC record.
            var warcs = Directory.GetFiles(Path.Combine(output, "warc"), "*.warc.gz").Select(Path.GetFileName).ToList();
            var crawledBy = processes.Skip(1).Where(p => warcs.Any(w => w!.StartsWith("sample-" + p.Node.Replace(':', '_') + "-", StringComparison.Ordinal))).ToList();
            crawledBy.Should().ContainSingle("one node owns the host: {0}", string.Join(", ", warcs));

            var requests = File.ReadAllLines(Path.Combine(output, "_build", "sample-site-access.jsonl"))
                .Select(l => JsonDocument.Parse(l).RootElement)
                .Select(e => (At: e.GetProperty("at_ms").GetDouble(), Path: e.GetProperty("path").GetString()))
                .OrderBy(r => r.At)
                .ToList();
            requests.Count.Should().BeGreaterThan(20, "robots.txt and the pages up to the crawl's page budget");
            var close = requests.Zip(requests.Skip(1), (a, b) => (Gap: b.At - a.At, a.Path, Next: b.Path)).Where(g => g.Gap < DelayMs - 0.5).ToList();
            close.Should().BeEmpty("the host never sees two requests closer than the delay: {0}", string.Join("; ", close.Select(c => $"{c.Path} then {c.Next} {c.Gap.ToString("F1", CultureInfo.InvariantCulture)} ms later")));
            File.Exists(Path.Combine(output, "manifest.json")).Should().BeTrue("the build goes on after the crawl");
        }
        finally
        {
            foreach (var (_, process, _) in processes)
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }

                process.Dispose();
            }
        }
    }

    private static (string Node, Process Process, Task<string> Stderr) Start(string node, string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        psi.ArgumentList.Add(TestEnvironment.CorpusDll);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["CI"] = "true";
        var process = Process.Start(psi)!;
        _ = process.StandardOutput.ReadToEndAsync();
        return (node, process, process.StandardError.ReadToEndAsync());
    }

    private static string Port(int p) => p.ToString(CultureInfo.InvariantCulture);

}
