using System.Diagnostics;
using System.Globalization;
using System.Text;
using AngleSharp.Html.Parser;
using Corpus.Ingest.Html;

namespace Corpus.Bench.Html;

/// <summary>
/// How extraction time grows with a page's nesting depth and with its width: generated pages of 10k to
/// 160k nested <c>div</c>s and of 30k to 480k paragraphs through <see cref="MainContentExtractor"/>,
/// single thread, best of the rounds. Beside it the floor: AngleSharp's <c>ParseDocument</c> alone on the
/// page as the extractor hands it to the parser (after <see cref="NestingLimit"/>). Prints seconds per
/// size, the ratio per doubling and the fitted exponent (least-squares slope of log time on log size);
/// fails when a doubling costs the extractor more than 2.3x. Times are the process's CPU seconds (GC
/// included), which other work on a shared machine does not stretch as it does wall time; the best
/// round's wall time is printed beside them. With <c>--raw-parse</c>, also AngleSharp on the deep pages
/// as they are (10k to 40k), the quadratic parse the pre-pass avoids.
/// </summary>
internal static class HtmlScalingBenchmark
{
    private const double MaxRatioPerDoubling = 2.3;

    private const string Sentence = "the river rose three metres overnight, flooding the lower town, and residents were moved to the school.";

    public static int Run(int rounds, bool rawParse)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"bench-html-scaling {DateTime.UtcNow:yyyy-MM-dd}: single thread, CPU seconds, blocking GC, best of {rounds} rounds; floor: AngleSharp ParseDocument of the page after NestingLimit"));
        // Blocking collections only: a background collection's thread would add to the process's CPU time at
        // whatever moment it happens to run, which is noise between one size and the next.
        System.Runtime.GCSettings.LatencyMode = System.Runtime.GCLatencyMode.Batch;
        for (var warmup = 0; warmup < 5; warmup++)
        {
            MainContentExtractor.Extract(DeepPage(5_000)); // warm up: tiered JIT, on-stack replacement of the long loops
            MainContentExtractor.Extract(WidePage(10_000));
        }

        var ok = Series("nested divs", [10_000, 20_000, 40_000, 80_000, 160_000], DeepPage, rounds);
        ok &= Series("paragraphs", [30_000, 60_000, 120_000, 240_000, 480_000], WidePage, rounds);
        if (rawParse)
        {
            RawParse([10_000, 20_000, 40_000]);
        }

        Console.WriteLine(ok
            ? $"acceptance: every doubling at most {MaxRatioPerDoubling}x: yes"
            : $"acceptance: every doubling at most {MaxRatioPerDoubling}x: NO");
        return ok ? 0 : 1;
    }

    /// <summary><paramref name="depth"/> nested <c>div</c>s, each with a sentence of its own before the next opens.</summary>
    internal static string DeepPage(int depth)
    {
        var html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><title>Deep</title></head><body>");
        for (var i = 0; i < depth; i++)
        {
            html.Append("<div class=\"level\">Level ").Append(i).Append(": ").Append(Sentence).Append(' ');
        }

        for (var i = 0; i < depth; i++)
        {
            html.Append("</div>");
        }

        return html.Append("</body></html>").ToString();
    }

    /// <summary>An article of <paramref name="paragraphs"/> paragraphs.</summary>
    internal static string WidePage(int paragraphs)
    {
        var html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><title>Wide</title></head><body><article><h1>Wide</h1>\n");
        for (var i = 0; i < paragraphs; i++)
        {
            html.Append("<p>Paragraph ").Append(i).Append(": ").Append(Sentence).Append("</p>\n");
        }

        return html.Append("</article></body></html>").ToString();
    }

    private static bool Series(string unit, int[] sizes, Func<int, string> page, int rounds)
    {
        Console.WriteLine();
        Console.WriteLine($"{unit,12} {"MB",6} {"extract s",10} {"x/doubling",10} {"(user+sys",10} {"x/doubling",10} {"wall s)",8} {"floor s",8} {"x/doubling",10} {"extract/floor",13}");
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false, MaximumDepth = HtmlDocuments.ParserMaxDepth });
        var pages = sizes.Select(page).ToArray();
        var limited = pages.Select(html => NestingLimit.Apply(html)).ToArray();
        var extract = Enumerable.Repeat(double.MaxValue, sizes.Length).ToArray();
        var cpu = Enumerable.Repeat(double.MaxValue, sizes.Length).ToArray();
        var wall = Enumerable.Repeat(double.MaxValue, sizes.Length).ToArray();
        var floor = Enumerable.Repeat(double.MaxValue, sizes.Length).ToArray();

        // Rounds go over every size in turn, so a busy spell on a shared machine does not fall on one size only.
        // Each sample does the same work: a page half the size of the largest is extracted twice in a row, a
        // sixteenth of it sixteen times, and the sample is the time per page. A single small page takes a few
        // hundredths of a second, where the clock's grain and whether one collection falls inside it would
        // decide the ratio.
        for (var r = 0; r < rounds; r++)
        {
            for (var s = 0; s < sizes.Length; s++)
            {
                var html = pages[s];
                var times = sizes[^1] / sizes[s];
                var sample = Time(() => MainContentExtractor.Extract(html), times);
                extract[s] = Math.Min(extract[s], sample.User);
                cpu[s] = Math.Min(cpu[s], sample.Cpu);
                wall[s] = Math.Min(wall[s], sample.Wall);
                var parsed = limited[s];
                floor[s] = Math.Min(floor[s], Time(() => parser.ParseDocument(parsed).Dispose(), times).User);
            }
        }

        for (var s = 0; s < sizes.Length; s++)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{sizes[s],12:N0} {pages[s].Length / 1e6,6:F1} {extract[s],10:F3} {Ratio(extract, s),10} {cpu[s],10:F3} {Ratio(cpu, s),10} {wall[s],8:F3} {floor[s],8:F3} {Ratio(floor, s),10} {extract[s] / floor[s],12:F2}x"));
        }

        var worst = Enumerable.Range(1, sizes.Length - 1).Max(s => extract[s] / extract[s - 1]);
        var worstCpu = Enumerable.Range(1, sizes.Length - 1).Max(s => cpu[s] / cpu[s - 1]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"fitted exponent: extract {Exponent(sizes, extract):F2} (user+sys {Exponent(sizes, cpu):F2}), floor {Exponent(sizes, floor):F2}; worst doubling {worst:F2}x (user+sys {worstCpu:F2}x)"));
        return worst <= MaxRatioPerDoubling;
    }

    private static void RawParse(int[] depths)
    {
        Console.WriteLine();
        Console.WriteLine($"{"nested divs",12} {"AngleSharp alone on the page as it is, s",42} {"x/doubling",10}");
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false });
        var seconds = new double[depths.Length];
        for (var s = 0; s < depths.Length; s++)
        {
            var html = DeepPage(depths[s]);
            seconds[s] = Time(() => parser.ParseDocument(html).Dispose(), 1).User;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{depths[s],12:N0} {seconds[s],42:F3} {Ratio(seconds, s),10}"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fitted exponent: {Exponent(depths, seconds):F2}"));
    }

    /// <summary>
    /// The process's user-mode CPU seconds, its CPU seconds in all (user and kernel) and the wall seconds
    /// <paramref name="action"/> takes, each divided by <paramref name="times"/> runs in a row after a full
    /// collection.
    /// </summary>
    private static (double User, double Cpu, double Wall) Time(Action action, int times)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = Environment.CpuUsage;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < times; i++)
        {
            action();
        }

        var after = Environment.CpuUsage;
        return ((after.UserTime - before.UserTime).TotalSeconds / times, (after.TotalTime - before.TotalTime).TotalSeconds / times, clock.Elapsed.TotalSeconds / times);
    }

    private static string Ratio(double[] seconds, int s) =>
        s == 0 ? "-" : string.Create(CultureInfo.InvariantCulture, $"{seconds[s] / seconds[s - 1]:F2}x");

    /// <summary>The least-squares slope of log seconds on log size: 1 for linear, 2 for quadratic.</summary>
    private static double Exponent(int[] sizes, double[] seconds)
    {
        var x = sizes.Select(n => Math.Log(n)).ToArray();
        var y = seconds.Select(t => Math.Log(t)).ToArray();
        double mx = x.Average(), my = y.Average();
        var covariance = x.Zip(y, (a, b) => (a - mx) * (b - my)).Sum();
        var variance = x.Sum(a => (a - mx) * (a - mx));
        return covariance / variance;
    }
}
