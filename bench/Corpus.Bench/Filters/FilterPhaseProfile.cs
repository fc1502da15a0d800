using System.Diagnostics;
using System.Globalization;
using Corpus.Core.Configuration;
using Corpus.Filters.Classification.Code;
using Corpus.Filters.Languages;
using Corpus.Filters.Normalization;
using Corpus.Filters.Pii;
using Corpus.Filters.Quality;
using Corpus.Pipeline.Phases;
using Corpus.Pipeline.Storage;
using Corpus.Tokenizer;

namespace Corpus.Bench.Filters;

/// <summary>
/// Where the filter phase's time and allocations go, step by step, on a finished build's
/// <c>docs/part-*.parquet</c> (the filter phase's input), single thread: read, normalize, language ID,
/// code detection, quality rules, PII, the whole <c>DocumentFilter</c>, and the token count of
/// rejects. Seconds, documents/s, bytes allocated per document and the share of the whole, best of
/// the rounds after one warm-up round (so the JIT is outside the numbers; its time is printed apart).
/// </summary>
internal static class FilterPhaseProfile
{
    public static async Task<int> RunAsync(string buildDir, int rounds)
    {
        var parts = Directory.GetFiles(Path.Combine(buildDir, "docs"), "part-*.parquet").Order(StringComparer.Ordinal).ToList();
        if (parts.Count == 0)
        {
            Console.Error.WriteLine($"bench-filter-profile: '{buildDir}' has no docs/part-*.parquet (run a build into it first)");
            return 2;
        }

        using var jitTimes = new JitTimeListener();
        var jitBefore = System.Runtime.JitInfo.GetCompilationTime();
        var scratchPath = Path.Combine(Path.GetTempPath(), $"corpus-filter-profile-{Environment.ProcessId}.parquet");
        var rows = new List<DocumentRow>();
        var read = Measure(1, () =>
        {
            rows.Clear();
            foreach (var part in parts)
            {
                rows.AddRange(ParquetPartReader.ReadAsync<DocumentRow>(part).ToBlockingEnumerable());
            }
        });
        var texts = rows.Select(r => r.Text).ToList();
        var mb = texts.Sum(t => (long)t.Length * 2) / 1e6;
        var normalized = texts.Select(TextNormalizer.Normalize).ToList();
        var config = BuildConfig.Default;
        var lid = LanguageIdentifier.LoadDefault(new LanguageIdentifierOptions { MinScore = config.Classify.LanguageThreshold, Qwen3Weight = config.Classify.Qwen3Weight });
        var quality = QualityFilter.Create();
        var tokenizer = QwenTokenizer.LoadDefault();
        var filter = new DocumentFilter(config.Filters, config.Classify, null);
        var languages = normalized.Select(t => lid.Identify(t).Language).ToList();

        var steps = new List<(string Name, Action Work)>
        {
            ("normalize", () => { foreach (var t in texts) { TextNormalizer.Normalize(t); } }),
            ("language ID", () => { foreach (var t in normalized) { lid.Identify(t); } }),
            ("code detection", () => { foreach (var t in normalized) { CodeDetector.Detect(t); } }),
            ("quality rules", () => { for (var i = 0; i < normalized.Count; i++) { quality.Evaluate(normalized[i], languages[i].Language is null ? null : languages[i], rows[i].SourceUri); } }),
            ("PII redaction", () => { foreach (var t in normalized) { PiiRedactor.Redact(t); } }),
            ("token count (all docs)", () => { foreach (var t in texts) { tokenizer.Encode(t); } }),
            ("DocumentFilter.Apply", () => { foreach (var r in rows) { filter.Apply(Clone(r)); } }),
            ("read the parts (Parquet)", () => { foreach (var part in parts) { foreach (var _ in ParquetPartReader.ReadAsync<DocumentRow>(part).ToBlockingEnumerable()) { } } }),
            ("write the documents (Parquet)", () => WriteAll(rows, scratchPath)),
        };

        foreach (var (_, work) in steps)
        {
            work();
        }

        var jit = System.Runtime.JitInfo.GetCompilationTime() - jitBefore;
        var topJit = jitTimes.Top(12);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"filter phase profile, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC: {rows.Count:N0} documents, {mb:F1} MB of UTF-16 text, {parts.Count} parts, single thread, best of {rounds}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"JIT during the warm-up round: {jit.TotalSeconds:F2} s ({System.Runtime.JitInfo.GetCompiledMethodCount():N0} methods); reading the parts (cold): {read.Seconds:F2} s, {read.Bytes / (double)rows.Count / 1024:F1} KiB allocated per document (allocation counted over the process: keep the machine's other work out of this process)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"methods that took longest to compile ({jitTimes.TotalMilliseconds / 1000:F2} s timed by the runtime's events): {string.Join("; ", topJit.Select(m => $"{m.Method} {m.Milliseconds:F0} ms"))}"));
        var results = steps.Select(s => (s.Name, Result: Measure(rounds, s.Work), Both: MeasureOnTwoThreads(rounds, s.Work))).ToList();
        var whole = results.Single(r => r.Name == "DocumentFilter.Apply").Result.Seconds;
        Console.WriteLine("| step | seconds | documents/s | KiB allocated per document | share of DocumentFilter.Apply | seconds when 2 threads run it at once | slow-down |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- |");
        foreach (var (name, r, both) in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {r.Seconds:F3} | {rows.Count / r.Seconds:N0} | {r.Bytes / (double)rows.Count / 1024:F1} | {r.Seconds / whole:P0} | {both:F3} | {both / r.Seconds:F2}x |"));
        }

        return 0;
    }

    private static void WriteAll(List<DocumentRow> rows, string basePath)
    {
        var path = $"{basePath}.{Environment.CurrentManagedThreadId}";
        var writer = new ParquetPartWriter<DocumentRow>(path, r => r.Text.Length * 2L + 256);
        foreach (var row in rows)
        {
            writer.AddAsync(row, CancellationToken.None).GetAwaiter().GetResult();
        }

        writer.CompleteAsync(CancellationToken.None).GetAwaiter().GetResult();
        writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        File.Delete(path);
    }

    private static DocumentRow Clone(DocumentRow row) => new()
    {
        Id = row.Id,
        Text = row.Text,
        SourceUri = row.SourceUri,
        SourceKind = row.SourceKind,
        Language = row.Language,
        Scores = new(row.Scores),
        Labels = new(row.Labels),
        Metadata = new(row.Metadata),
    };

    /// <summary>Best over the rounds of the mean time each of two threads takes when both run the work at the same moment.</summary>
    private static double MeasureOnTwoThreads(int rounds, Action work)
    {
        var best = double.MaxValue;
        for (var r = 0; r < rounds; r++)
        {
            var seconds = new double[2];
            using var start = new Barrier(2);
            var threads = Enumerable.Range(0, 2).Select(t => new Thread(() =>
            {
                start.SignalAndWait();
                var clock = Stopwatch.StartNew();
                work();
                seconds[t] = clock.Elapsed.TotalSeconds;
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());
            best = Math.Min(best, seconds.Average());
        }

        return best;
    }

    private static (double Seconds, long Bytes) Measure(int rounds, Action work)
    {
        var best = (Seconds: double.MaxValue, Bytes: 0L);
        for (var r = 0; r < rounds; r++)
        {
            var bytes = GC.GetTotalAllocatedBytes(precise: true);
            var clock = Stopwatch.StartNew();
            work();
            var seconds = clock.Elapsed.TotalSeconds;
            if (seconds < best.Seconds)
            {
                best = (seconds, GC.GetTotalAllocatedBytes(precise: true) - bytes);
            }
        }

        return best;
    }
}
