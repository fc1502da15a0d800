using System.Diagnostics;
using System.Globalization;
using Corpus.Ingest.Html;

namespace Corpus.Bench.Html;

/// <summary>
/// Side by side in one run over the same pages, single thread: <see cref="MainContentExtractor"/> and
/// python-readability (<c>readability.Document(html).summary()</c>, Debian's <c>python3-readability</c> run
/// with <c>/usr/bin/python3</c>). Prints pages/s of both and the ratio; decoding is outside the timed part.
/// </summary>
internal static class HtmlSpeedComparison
{
    private const string Python = "/usr/bin/python3";

    private const string ReadabilityScript = """
        import gzip, json, os, sys, time
        from readability import Document
        folder, rounds = sys.argv[1], int(sys.argv[2])
        data = json.load(open(os.path.join(folder, 'evaldata-subset.json'), encoding='utf-8'))
        pages = []
        for url, item in data.items():
            path = os.path.join(folder, 'html', item['file'] + '.gz')
            if not os.path.exists(path):
                continue
            raw = gzip.open(path).read()
            try:
                pages.append(raw.decode('utf-8'))
            except UnicodeDecodeError:
                pages.append(raw.decode('cp1252', errors='replace'))
        for html in pages[:20]:
            Document(html).summary()
        best = None
        for _ in range(rounds):
            start = time.perf_counter()
            for html in pages:
                try:
                    Document(html).summary()
                except Exception:
                    pass
            elapsed = time.perf_counter() - start
            best = elapsed if best is None else min(best, elapsed)
        print(len(pages), best)
        """;

    public static int Run(string folder, int rounds)
    {
        var pages = EvalPages.Load(folder);
        var bytes = pages.Sum(p => (long)p.Html.Length);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bench-html {DateTime.UtcNow:yyyy-MM-dd}: {pages.Count} pages, {bytes / 1e6:F1} M chars, single thread, best of {rounds} rounds"));

        for (var warmup = 0; warmup < 3; warmup++)
        {
            foreach (var page in pages)
            {
                MainContentExtractor.Extract(page.Html, page.Url); // warm up: tiered JIT, caches
            }
        }

        var ours = double.MaxValue;
        for (var r = 0; r < rounds; r++)
        {
            var clock = Stopwatch.StartNew();
            foreach (var page in pages)
            {
                MainContentExtractor.Extract(page.Html, page.Url);
            }

            ours = Math.Min(ours, clock.Elapsed.TotalSeconds);
        }

        var oursRate = pages.Count / ours;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"corpus MainContentExtractor  {oursRate,8:F1} pages/s"));

        var theirs = RunReadability(folder, rounds);
        if (theirs is not { } t)
        {
            Console.WriteLine("python-readability: not available (apt-get install -y python3-readability; runs with /usr/bin/python3)");
            return 1;
        }

        var theirsRate = t.Pages / t.Seconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"python-readability           {theirsRate,8:F1} pages/s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio {oursRate / theirsRate:F1}x (corpus pages/s over readability pages/s)"));
        return 0;
    }

    private static (int Pages, double Seconds)? RunReadability(string folder, int rounds)
    {
        if (!File.Exists(Python))
        {
            return null;
        }

        var script = Path.Combine(Path.GetTempPath(), $"corpus-readability-bench-{Environment.ProcessId}.py");
        File.WriteAllText(script, ReadabilityScript);
        try
        {
            var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(script);
            start.ArgumentList.Add(folder);
            start.ArgumentList.Add(rounds.ToString(CultureInfo.InvariantCulture));
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                Console.WriteLine(stderr.Result.Trim());
                return null;
            }

            var parts = output.Trim().Split(' ');
            return (int.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture));
        }
        finally
        {
            File.Delete(script);
        }
    }
}
