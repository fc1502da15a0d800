using System.Diagnostics;
using System.Globalization;
using Corpus.Tests.Shared;
using Corpus.Tokenizer;

namespace Corpus.Bench.Tokenizer;

/// <summary>
/// <c>tokenizer-scaling [ROUNDS] [INPUTS]</c>: one thread against all cores for each way of encoding many documents,
/// beside the machine's own ceiling (the same loops on one thread and on all cores), one thread and all cores in
/// turn each round, best of each. Each input is repeated until one pass takes about a second on one thread.
/// </summary>
internal static class TokenizerScaling
{
    private static long s_sink;

    public static int Run(int rounds, string? only)
    {
        var ours = QwenTokenizer.Load(BenchInputs.TokenizerJson);
        int cores = Environment.ProcessorCount;
        Console.WriteLine($"scaling, {cores} cores, best of {rounds} interleaved rounds, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; per round: one thread's time / all cores' time");
        Report("ceiling: dependent integer chain", rounds, cores, Chain);
        Report("ceiling: 8 independent chains", rounds, cores, IndependentChains);
        Report("ceiling: cached loads, 8 at a time", rounds, cores, CachedLoads);
        var table = new int[64 << 20];
        Report("ceiling: random reads, 256 MB", rounds, cores, threads => RandomReads(table, threads));
        var perLanguage = new[] { "cmn", "jpn", "kor" }.Select(code => ("cjk-" + code,
            (IReadOnlyList<string>)[.. RepoData.UdhrTranslations.Where(t => t.Name.StartsWith(code, StringComparison.Ordinal)).Select(t => t.Text)]));
        foreach (var (name, baseDocs) in TokenizerInputs.All().Concat(perLanguage))
        {
            if (only is not null && !only.Split(',').Contains(name))
            {
                continue;
            }

            var docs = RepeatToOneSecond(ours, baseDocs);
            Report($"{name}: EncodeBatch, all at once", rounds, cores, threads => ours.EncodeBatch(docs, true, threads));
            Report($"{name}: EncodeBatch per 1 M chars", rounds, cores, threads => Batched(ours, docs, threads));
            Report($"{name}: EncodeStream", rounds, cores, threads => Streamed(ours, docs, threads));
            Report($"{name}: results dropped", rounds, cores, threads => Dropped(ours, docs, threads));
        }

        return 0;
    }

    private static List<string> RepeatToOneSecond(QwenTokenizer ours, IReadOnlyList<string> docs)
    {
        // Best of twenty passes, so a pass still running code the JIT has not optimized yet does not set the size.
        double best = double.MaxValue;
        for (int pass = 0; pass < 20; pass++)
        {
            var clock = Stopwatch.StartNew();
            foreach (var d in docs)
            {
                ours.Encode(d);
            }

            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }

        int copies = (int)Math.Clamp(Math.Ceiling(1.0 / best), 1, 20_000);
        return [.. Enumerable.Repeat(docs, copies).SelectMany(d => d)];
    }

    /// <summary>The shape of <c>corpus tokenize</c> before <see cref="QwenTokenizer.EncodeStream"/>: a barrier every 1 M characters.</summary>
    private static void Batched(QwenTokenizer ours, List<string> docs, int threads)
    {
        var batch = new List<string>();
        long chars = 0, tokens = 0;
        foreach (var d in docs)
        {
            batch.Add(d);
            chars += d.Length;
            if (chars >= 1 << 20)
            {
                tokens += ours.EncodeBatch(batch, true, threads).Sum(ids => (long)ids.Length);
                batch.Clear();
                chars = 0;
            }
        }

        s_sink += tokens + ours.EncodeBatch(batch, true, threads).Sum(ids => (long)ids.Length);
    }

    private static void Streamed(QwenTokenizer ours, List<string> docs, int threads)
    {
        long tokens = 0;
        foreach (var ids in ours.EncodeStream(docs, true, threads))
        {
            tokens += ids.Length;
        }

        s_sink += tokens;
    }

    /// <summary>Each thread encodes 64 K-character chunks into its own reused list: the encoder alone, no results kept.</summary>
    private static void Dropped(QwenTokenizer ours, List<string> docs, int threads)
    {
        var chunks = new List<(int Start, int End)>();
        int start = 0;
        long chars = 0;
        for (int i = 0; i < docs.Count; i++)
        {
            chars += docs[i].Length;
            if (chars >= 1 << 16 || i == docs.Count - 1)
            {
                chunks.Add((start, i + 1));
                start = i + 1;
                chars = 0;
            }
        }

        Parallel.For(0, chunks.Count, new ParallelOptions { MaxDegreeOfParallelism = threads }, () => new List<int>(1 << 16), (c, _, list) =>
        {
            for (int i = chunks[c].Start; i < chunks[c].End; i++)
            {
                list.Clear();
                ours.Encode(docs[i], list);
            }

            return list;
        }, _ => { });
    }

    private static void Chain(int threads) => Parallel.For(0, 64, new ParallelOptions { MaxDegreeOfParallelism = threads }, i =>
    {
        ulong x = (ulong)i + 1;
        for (int k = 0; k < 12_000_000; k++)
        {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
        }

        Interlocked.Add(ref s_sink, (long)x);
    });

    /// <summary>A ceiling loop: 8 independent integer chains per task, 64 tasks; nothing shared but the thread pool.</summary>
    internal static void IndependentChains(int threads) => Parallel.For(0, 64, new ParallelOptions { MaxDegreeOfParallelism = threads }, i =>
    {
        Span<ulong> x = stackalloc ulong[8];
        for (int j = 0; j < 8; j++)
        {
            x[j] = ((ulong)i + 1) * (ulong)(2 * j + 3);
        }

        for (int k = 0; k < 4_000_000; k++)
        {
            for (int j = 0; j < 8; j++)
            {
                x[j] ^= x[j] << 13;
                x[j] ^= x[j] >> 7;
                x[j] ^= x[j] << 17;
            }
        }

        ulong all = 0;
        foreach (var v in x)
        {
            all ^= v;
        }

        Interlocked.Add(ref s_sink, (long)all);
    });

    private static void CachedLoads(int threads) => Parallel.For(0, 64, new ParallelOptions { MaxDegreeOfParallelism = threads }, i =>
    {
        var small = new int[8192];
        for (int j = 0; j < small.Length; j++)
        {
            small[j] = (j * 2654435761u).GetHashCode() & 8191;
        }

        int a = i & 8191, b = (i + 1) & 8191, c = (i + 2) & 8191, d = (i + 3) & 8191;
        long sum = 0;
        for (int k = 0; k < 3_000_000; k++)
        {
            a = small[a] ^ k & 8191;
            b = small[b] ^ (k >> 1) & 8191;
            c = small[c] ^ (k >> 2) & 8191;
            d = small[d] ^ (k >> 3) & 8191;
            sum += small[(a + b) & 8191] + small[(c + d) & 8191] + small[(a ^ d) & 8191] + small[(b ^ c) & 8191];
        }

        Interlocked.Add(ref s_sink, sum);
    });

    private static void RandomReads(int[] table, int threads) => Parallel.For(0, 64, new ParallelOptions { MaxDegreeOfParallelism = threads }, i =>
    {
        uint x = ((uint)i * 2654435761u) + 1;
        long sum = 0;
        for (int k = 0; k < 300_000; k++)
        {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            sum += table[x & (uint)(table.Length - 1)];
        }

        Interlocked.Add(ref s_sink, sum);
    });

    private static void Report(string name, int rounds, int cores, Action<int> work)
    {
        work(1);
        work(cores);
        long before = GC.GetTotalAllocatedBytes(true);
        int collections = GC.CollectionCount(0);
        work(1);
        long allocated = GC.GetTotalAllocatedBytes(true) - before;
        collections = GC.CollectionCount(0) - collections;
        double one = double.MaxValue, all = double.MaxValue;
        var ratios = new List<string>();
        for (int r = 0; r < rounds; r++)
        {
            var clock = Stopwatch.StartNew();
            work(1);
            double a = clock.Elapsed.TotalSeconds;
            clock.Restart();
            work(cores);
            double b = clock.Elapsed.TotalSeconds;
            one = Math.Min(one, a);
            all = Math.Min(all, b);
            ratios.Add((a / b).ToString("F2", CultureInfo.InvariantCulture));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-42} 1 thread {one,6:F3} s  {cores} threads {all,6:F3} s  scaling {one / all:F2}x  (allocated {allocated / 1e6:F0} MB, {collections} gen0 GCs per pass; rounds {string.Join(' ', ratios)})"));
    }
}
