using System.Diagnostics;
using System.Globalization;
using Corpus.Shards.Packing;

namespace Corpus.Bench.Shards;

/// <summary>
/// Best-fit packing beside concatenate-and-chop (the anchor) on the same seeded log-normal document
/// lengths: truncated documents, padding and sequences/s, single thread, best of the rounds.
/// </summary>
internal static class PackingBenchmark
{
    public static int Run(int documents, int context, int rounds)
    {
        var lengths = LogNormalLengths(seed: 42, documents, median: 700, sigma: 1.2, maxTokens: 64 * context);
        var pool = new int[lengths.Max()];
        for (var i = 0; i < pool.Length; i++)
        {
            pool[i] = i % 151643;
        }

        var docs = lengths.Select((length, i) => new PackingDocument(i.ToString("x8", CultureInfo.InvariantCulture), "eng_Latn", "unknown", "web", pool.AsMemory(0, length))).ToArray();
        var tokens = lengths.Sum(l => (long)l);
        var longer = lengths.Count(l => l > context);
        Console.WriteLine($"{documents:N0} documents, {tokens:N0} tokens, log-normal lengths (median 700, sigma 1.2), context {context:N0}: {longer:N0} ({(double)longer / documents:P2}) longer than the context");
        Console.WriteLine($"{"packer",-12} {"sequences",10} {"truncated",10} {"padding",8} {"seq/s",10} {"Mtok/s",8}");

        var bestFit = Measure(() => new BestFitPacker(new PackingOptions { ContextLength = context, PadId = 0 }), docs, rounds);
        var concatChop = Measure(() => new ConcatChopPacker(new PackingOptions { ContextLength = context, PadId = 0 }), docs, rounds);
        Print("best-fit", bestFit, context);
        Print("concat-chop", concatChop, context);
        Console.WriteLine(
            $"best-fit / concat-chop: truncated share {bestFit.Stats.TruncatedShare / concatChop.Stats.TruncatedShare:F3}x, "
            + $"speed {bestFit.Stats.Sequences / bestFit.Seconds / (concatChop.Stats.Sequences / concatChop.Seconds):F2}x");
        return 0;
    }

    private static (PackingStats Stats, double Seconds) Measure(Func<ISequencePacker> create, PackingDocument[] docs, int rounds)
    {
        PackingStats? stats = null;
        var best = double.MaxValue;
        for (var round = 0; round < rounds; round++)
        {
            var packer = create();
            var watch = Stopwatch.StartNew();
            long checksum = 0;
            foreach (var doc in docs)
            {
                foreach (var sequence in packer.Add(doc))
                {
                    checksum += sequence.Padding;
                }
            }

            foreach (var sequence in packer.Complete())
            {
                checksum += sequence.Padding;
            }

            watch.Stop();
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
            stats = packer.Stats;
            GC.KeepAlive(checksum);
        }

        return (stats!, best);
    }

    private static void Print(string name, (PackingStats Stats, double Seconds) result, int context)
    {
        var s = result.Stats;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-12} {s.Sequences,10:N0} {s.TruncatedShare,10:P2} {s.PaddingShare,8:P2} {s.Sequences / result.Seconds,10:N0} {s.Sequences * (double)context / result.Seconds / 1e6,8:F1}"));
    }

    private static int[] LogNormalLengths(int seed, int count, double median, double sigma, int maxTokens)
    {
        var random = new Random(seed);
        var lengths = new int[count];
        for (var i = 0; i < count; i++)
        {
            var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            lengths[i] = (int)Math.Clamp(Math.Round(median * Math.Exp(sigma * normal)), 1, maxTokens);
        }

        return lengths;
    }
}
