using System.Text.Json;
using Akka.Actor;
using Corpus.Core.Configuration;
using Corpus.Ingest.Sample;
using Corpus.Pipeline.Crawl;
using Corpus.Pipeline.Execution;

namespace Corpus.Pipeline.Build;

/// <summary>
/// The sample build's first step: serve the bundled sample site on 127.0.0.1, crawl all of it into
/// <c>warc/</c>, and record the crawl in <c>_build/crawl.json</c>. A finished crawl is reused by a
/// rerun; an unfinished one (a killed build) is thrown away and done again.
/// </summary>
internal static class SampleCrawl
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>
    /// The sample site's stable name. The server listens on a free port, which changes every run;
    /// documents name their pages under this origin instead, so ids and shards do not depend on it.
    /// </summary>
    public const string Origin = "http://udhr.sample.test";

    /// <summary>Crawls the sample site unless a finished crawl is there; returns the WARC folder and the origin the crawl used.</summary>
    public static async Task<(string WarcDir, string CrawledOrigin)> EnsureAsync(ActorSystem system, string output, BuildConfig config, bool force, ICrawlObserver? observer, CancellationToken ct, IReadOnlyList<IActorRef>? crawlNodes = null)
    {
        var warcDir = Path.Combine(output, BuildLayout.WarcDir);
        var marker = Path.Combine(output, BuildLayout.StateDir, "crawl.json");
        if (force)
        {
            foreach (var dir in BuildLayout.OwnedDirs)
            {
                if (Directory.Exists(Path.Combine(output, dir)))
                {
                    Directory.Delete(Path.Combine(output, dir), recursive: true);
                }
            }

            File.Delete(Path.Combine(output, BuildLayout.ManifestFile));
        }
        else if (BuildRunner.HoldsForeignEntries(output))
        {
            throw new BuildException($"output folder '{output}' is not empty and holds no corpus build; pass --force to build there anyway or choose another folder");
        }

        if (FinishedOrigin(output) is { } baseUrl)
        {
            return (warcDir, baseUrl);
        }

        if (Directory.Exists(warcDir))
        {
            Directory.Delete(warcDir, recursive: true);
        }

        IReadOnlyList<UdhrTranslation> translations;
        try
        {
            translations = UdhrLibrary.Load();
        }
        catch (FileNotFoundException e)
        {
            throw new BuildException(e.Message, e);
        }

        await using var server = SampleSiteServer.Start(translations);
        var result = await Crawler.RunAsync(
            system,
            new CrawlOptions
            {
                Seeds = [server.BaseUrl + "/"],
                WarcDirectory = warcDir,
                WarcPrefix = "sample",
                Politeness = TimeSpan.FromMilliseconds(config.Crawl.PolitenessMs),
                MaxConnectionsPerHost = config.Crawl.MaxConnectionsPerHost,
                Fetchers = config.Crawl.Fetchers,
                MaxPages = config.Crawl.MaxPages,
                MaxDepth = 8,
                Seed = config.Seed,
                Resume = false, // the port changes every run, so a crawl of the sample site starts over
            },
            crawlNodes,
            observer,
            ct).ConfigureAwait(false);
        ct.ThrowIfCancellationRequested();
        Directory.CreateDirectory(Path.GetDirectoryName(marker)!);
        WriteAccessLog(Path.Combine(output, BuildLayout.StateDir, AccessLogFile), server);
        var record = new CrawlRecord(server.BaseUrl, result.Pages, result.Failures, [.. result.WarcFiles.Select(f => Path.GetFileName(f))]);
        AtomicFile.WriteAllBytes(marker, JsonSerializer.SerializeToUtf8Bytes(record, Json));
        return (warcDir, server.BaseUrl);
    }

    /// <summary>The sample site's access log under <c>_build/</c>: one JSON line per request the server answered.</summary>
    public const string AccessLogFile = "sample-site-access.jsonl";

    /// <summary>Writes every request the server answered, in arrival order: milliseconds since it started and the path.</summary>
    private static void WriteAccessLog(string path, SampleSiteServer server)
    {
        using var buffer = new MemoryStream();
        foreach (var (pathAndQuery, at) in server.RequestLog.OrderBy(r => r.At))
        {
            buffer.Write(JsonSerializer.SerializeToUtf8Bytes(new { at_ms = Math.Round(at.TotalMilliseconds, 3), path = pathAndQuery }));
            buffer.WriteByte((byte)'\n');
        }

        AtomicFile.WriteAllBytes(path, buffer.ToArray());
    }

    /// <summary>The origin a finished crawl of the sample site in <paramref name="output"/> used; null when none finished.</summary>
    public static string? FinishedOrigin(string output)
    {
        var marker = Path.Combine(output, BuildLayout.StateDir, "crawl.json");
        if (!File.Exists(marker))
        {
            return null;
        }

        try
        {
            var done = JsonSerializer.Deserialize<CrawlRecord>(File.ReadAllBytes(marker), Json);
            return done?.BaseUrl is { Length: > 0 } baseUrl ? baseUrl : null;
        }
        catch (JsonException)
        {
            return null; // an unreadable marker: crawl again
        }
    }

    /// <summary>Maps a crawled URL onto <see cref="Origin"/>.</summary>
    public static Phases.UriRewrite UriMap(string crawledOrigin) => new(crawledOrigin, Origin);

    private sealed record CrawlRecord(string BaseUrl, long Pages, IReadOnlyDictionary<string, long> Failures, IReadOnlyList<string?> WarcFiles);
}
