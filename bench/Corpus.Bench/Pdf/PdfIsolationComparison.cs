using System.Diagnostics;
using System.Globalization;
using Corpus.Ingest.Pdf;
using Corpus.Pipeline.Isolation;

namespace Corpus.Bench.Pdf;

/// <summary>
/// <c>bench-pdf-isolation DIR [rounds] [corpus.dll]</c>: every PDF under DIR parsed in this process (as with
/// <c>limits.isolation: none</c>) and in a worker process (as a build does), one file at a time, in alternating
/// rounds; prints pages/s of each, their ratio, and how many outcomes differ (none should). Files the worker reports
/// <c>crashed</c> are left out of the in-process side, which they would end.
/// </summary>
internal static class PdfIsolationComparison
{
    public static int Run(string dir, int rounds, string? cliDll)
    {
        var files = Directory.EnumerateFiles(dir, "*.pdf", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => (Path: f, Bytes: File.ReadAllBytes(f))).ToList();
        var dll = cliDll ?? Path.Combine(BenchInputs.RepoRoot, "cli", "bin", "Release", "net10.0", "corpus.dll");
        if (!File.Exists(dll))
        {
            Console.Error.WriteLine($"bench-pdf-isolation: no CLI at {dll}; run ./corpus --version first or pass its corpus.dll");
            return 2;
        }

        using var pool = new WorkerPool(new WorkerPoolOptions(new WorkerCommand("dotnet", [dll, WorkerCommand.Verb]), 1, Environment.GetEnvironmentVariable("BENCH_WORKER_MEMORY") is { } m ? long.Parse(m, CultureInfo.InvariantCulture) : 2048L * 1024 * 1024));
        var pooled = new PdfOptions { Host = new PooledPdfHost(pool) };
        var here = new PdfOptions();
        var crashed = new HashSet<string>(StringComparer.Ordinal);
        var first = files.Select(f => PdfTextExtractor.Extract(f.Bytes, pooled)).ToList();
        for (var i = 0; i < files.Count; i++)
        {
            if (first[i].Reject?.Reason == PdfRejectReasons.Crashed)
            {
                crashed.Add(files[i].Path);
            }
        }

        var safe = files.Where(f => !crashed.Contains(f.Path)).ToList();
        var inProcess = safe.Select(f => PdfTextExtractor.Extract(f.Bytes, here)).ToList(); // warm-up, and the outcomes to compare
        var differ = safe.Select((f, i) => Same(inProcess[i], first[files.IndexOf(f)]) ? 0 : 1).Sum();
        double herePages = 0, poolPages = 0, hereSeconds = 0, poolSeconds = 0;
        for (var round = 0; round < rounds; round++)
        {
            foreach (var inWorker in round % 2 == 0 ? new[] { false, true } : [true, false])
            {
                var clock = Stopwatch.StartNew();
                var pages = safe.Sum(f => PdfTextExtractor.Extract(f.Bytes, inWorker ? pooled : here).Document?.Pages ?? 0);
                var seconds = clock.Elapsed.TotalSeconds;
                if (inWorker)
                {
                    (poolPages, poolSeconds) = (poolPages + pages, poolSeconds + seconds);
                }
                else
                {
                    (herePages, hereSeconds) = (herePages + pages, hereSeconds + seconds);
                }
            }
        }

        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(c, $"{files.Count} PDFs, {crashed.Count} crashed a worker (left out of the in-process side), {safe.Count} compared, {differ} outcomes differ"));
        Console.WriteLine(string.Create(c, $"in process:       {herePages / hereSeconds,8:F1} pages/s ({herePages / rounds:F0} pages a round, {hereSeconds / rounds:F2} s)"));
        Console.WriteLine(string.Create(c, $"worker process:   {poolPages / poolSeconds,8:F1} pages/s ({poolPages / rounds:F0} pages a round, {poolSeconds / rounds:F2} s)"));
        Console.WriteLine(string.Create(c, $"worker/in-process: {poolPages / poolSeconds / (herePages / hereSeconds):F3}x; workers started {pool.Started}, lost {pool.Lost}"));
        return differ == 0 ? 0 : 1;
    }

    private static bool Same(PdfExtraction a, PdfExtraction b) =>
        a.Document is { } x && b.Document is { } y
            ? x.Text == y.Text && x.Pages == y.Pages && x.Title == y.Title && x.Metadata.OrderBy(p => p.Key, StringComparer.Ordinal).SequenceEqual(y.Metadata.OrderBy(p => p.Key, StringComparer.Ordinal))
            : a.Reject?.Reason == b.Reject?.Reason;
}
