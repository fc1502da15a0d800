using System.Diagnostics;
using System.Globalization;
using Corpus.Pipeline.Phases;
using Corpus.Pipeline.Storage;

namespace Corpus.Bench.Storage;

/// <summary>
/// Reading a finished build's parts back, as the phases do: <c>docs/</c> and <c>filtered/</c> as
/// documents, <c>tokens/</c> as tokenized rows. Seconds, rows/s and bytes allocated per row (over the
/// process), best of the rounds.
/// </summary>
internal static class PartReadBenchmark
{
    public static async Task<int> RunAsync(string buildDir, int rounds)
    {
        var tokens = Directory.GetFiles(Path.Combine(buildDir, "tokens"), "part-*.parquet").Order(StringComparer.Ordinal).ToList();
        var docs = Directory.GetFiles(Path.Combine(buildDir, "docs"), "part-*.parquet").Order(StringComparer.Ordinal).ToList();
        if (tokens.Count == 0 || docs.Count == 0)
        {
            Console.Error.WriteLine($"bench-part-read: '{buildDir}' has no docs/ or tokens/ parts (run a build into it first)");
            return 2;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"reading a build's parts, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, best of {rounds}"));
        Console.WriteLine("| parts | reader | rows | seconds | rows/s | MB allocated | KiB allocated per row |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- |");
        await Report("docs/", "ParquetSerializer (DocumentRow)", rounds, async () =>
        {
            long n = 0;
            foreach (var p in docs)
            {
                await foreach (var _ in ParquetPartReader.ReadAsync<DocumentRow>(p))
                {
                    n++;
                }
            }

            return n;
        });
        await Report("tokens/", "ParquetSerializer (TokenizedRow)", rounds, async () =>
        {
            long n = 0;
            foreach (var p in tokens)
            {
                await foreach (var _ in ParquetPartReader.ReadAsync<TokenizedRow>(p))
                {
                    n++;
                }
            }

            return n;
        });
        await Report("tokens/", "TokenizedPartReader (columns)", rounds, async () =>
        {
            long n = 0;
            foreach (var p in tokens)
            {
                await foreach (var _ in TokenizedPartReader.ReadAsync(p))
                {
                    n++;
                }
            }

            return n;
        });
        return 0;
    }

    private static async Task Report(string parts, string reader, int rounds, Func<Task<long>> read)
    {
        await read();
        var best = (Seconds: double.MaxValue, Bytes: 0L, Rows: 0L);
        for (var r = 0; r < rounds; r++)
        {
            var bytes = GC.GetTotalAllocatedBytes(precise: true);
            var clock = Stopwatch.StartNew();
            var rows = await read();
            var seconds = clock.Elapsed.TotalSeconds;
            if (seconds < best.Seconds)
            {
                best = (seconds, GC.GetTotalAllocatedBytes(precise: true) - bytes, rows);
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {parts} | {reader} | {best.Rows:N0} | {best.Seconds:F3} | {best.Rows / best.Seconds:N0} | {best.Bytes / 1048576.0:F1} | {best.Bytes / 1024.0 / best.Rows:F1} |"));
    }
}
