using System.Diagnostics;
using System.Globalization;
using Akka.Actor;
using Corpus.Ingest.Sample;
using Corpus.Pipeline.Crawl;

namespace Corpus.Bench.Crawl;

/// <summary>
/// Crawls the bundled sample site on 127.0.0.1 with politeness off and WARC writing on, and prints
/// pages/s and memory every 500 pages; then crawls the same server with GNU wget (recursive,
/// robots on, WARC output) as the anchor and prints both rates and the ratio.
/// </summary>
internal static class CrawlBenchmark
{
    public static async Task<int> RunAsync()
    {
        var translations = UdhrLibrary.Load();
        var work = Path.Combine(Path.GetTempPath(), "corpus-bench-crawl-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(work);
        try
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"crawl benchmark, sample site ({translations.Count} translations), politeness off, WARC on, {DateTime.UtcNow:yyyy-MM-dd}"));
            double ours;
            long ourPages;
            await using (var server = SampleSiteServer.Start(translations))
            {
                using var system = ActorSystem.Create("bench", "akka { loglevel = WARNING, stdout-loglevel = WARNING, log-dead-letters = off }");
                var memory = new MemoryProbe();
                var clock = Stopwatch.StartNew();
                var result = await Crawler.RunAsync(system, new CrawlOptions
                {
                    Seeds = [server.BaseUrl + "/"],
                    WarcDirectory = Path.Combine(work, "ours"),
                    Politeness = TimeSpan.Zero,
                    MaxConnectionsPerHost = 16,
                    Fetchers = 16,
                    MaxPages = 100_000,
                    MaxDepth = 8,
                }, memory).ConfigureAwait(false);
                ours = result.Pages / clock.Elapsed.TotalSeconds;
                ourPages = result.Pages;
                await system.Terminate().ConfigureAwait(false);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"corpus: {result.Pages:N0} pages in {clock.Elapsed.TotalSeconds:F1}s = {ours:F0} pages/s, WARC {Directory.GetFiles(Path.Combine(work, "ours")).Sum(f => new FileInfo(f).Length) / 1e6:F1} MB"));
            }

            await using (var server = SampleSiteServer.Start(translations))
            {
                var wgetDir = Path.Combine(work, "wget");
                Directory.CreateDirectory(wgetDir);
                var psi = new ProcessStartInfo("wget")
                {
                    WorkingDirectory = wgetDir,
                    RedirectStandardError = true,
                    RedirectStandardOutput = true,
                    UseShellExecute = false,
                };
                foreach (var a in new[] { "--recursive", "--level=8", "--no-verbose", "--delete-after", "-e", "robots=on", "--warc-file=anchor", "--no-warc-keep-log", "--no-warc-compression", server.BaseUrl + "/" })
                {
                    psi.ArgumentList.Add(a);
                }

                Process wget;
                try
                {
                    wget = Process.Start(psi)!;
                }
                catch (System.ComponentModel.Win32Exception)
                {
                    Console.WriteLine("wget: not installed (apt-get install -y wget); no anchor run");
                    return 0;
                }

                var clock = Stopwatch.StartNew();
                _ = wget.StandardOutput.ReadToEndAsync();
                _ = wget.StandardError.ReadToEndAsync();
                await wget.WaitForExitAsync().ConfigureAwait(false);
                var requests = server.RequestLog.Count;
                var rate = requests / clock.Elapsed.TotalSeconds;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wget:   {requests:N0} requests in {clock.Elapsed.TotalSeconds:F1}s = {rate:F0} pages/s (recursive, one connection)"));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio corpus/wget: {ours / rate:F2}x (pages: corpus {ourPages:N0}, wget {requests:N0})"));
            }

            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>Prints the managed heap and working set every 500 pages: flat memory means the crawl is bounded.</summary>
    private sealed class MemoryProbe : ICrawlObserver
    {
        private long _next = 500;

        public void UrlFinished(string url, int? status, string? failure, long pages, long pending, int inFlight)
        {
            if (pages < _next)
            {
                return;
            }

            _next += 500;
            using var self = Process.GetCurrentProcess();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {pages,6:N0} pages: live heap {GC.GetTotalMemory(true) / 1e6,6:F1} MB, working set {self.WorkingSet64 / 1e6,6:F1} MB, frontier {pending:N0}, in flight {inFlight}"));
        }
    }
}
