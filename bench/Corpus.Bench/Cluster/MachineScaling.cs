using System.Diagnostics;

namespace Corpus.Bench.Cluster;

/// <summary>
/// The machine's own two-thread scaling, as a ceiling for any two-worker speed-up: the same fixed
/// work on one thread, then on each of N threads at once, best of 3. One loop stays in registers
/// (xorshift and multiply: the core alone), the other streams a 64 MB array per thread (memory).
/// Speed-up is N x (one thread's seconds) / (N threads' seconds); N on N free cores gives N.
/// </summary>
internal static class MachineScaling
{
    private const int ComputeIterations = 400_000_000;
    private const int MemoryLongs = 8 << 20;
    private const int MemoryPasses = 24;

    private static long _sink;

    public static (double Compute, double Memory) SpeedUp(int threads)
    {
        var arrays = Enumerable.Range(0, threads).Select(_ => Enumerable.Range(0, MemoryLongs).Select(i => (long)i).ToArray()).ToArray();
        var compute = threads * Best(1, _ => Compute()) / Best(threads, _ => Compute());
        var memory = threads * Best(1, t => Stream(arrays[t])) / Best(threads, t => Stream(arrays[t]));
        return (compute, memory);
    }

    private static double Best(int threads, Func<int, long> work)
    {
        var best = double.MaxValue;
        for (var round = 0; round < 3; round++)
        {
            using var start = new Barrier(threads + 1);
            var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
            {
                start.SignalAndWait();
                Interlocked.Add(ref _sink, work(t));
            })).ToList();
            workers.ForEach(w => w.Start());
            start.SignalAndWait();
            var clock = Stopwatch.StartNew();
            workers.ForEach(w => w.Join());
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }

        return best;
    }

    private static long Compute()
    {
        ulong x = 88172645463325252UL, acc = 0;
        for (var i = 0; i < ComputeIterations; i++)
        {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            acc += x * 0x9E3779B97F4A7C15UL;
        }

        return (long)acc;
    }

    private static long Stream(long[] data)
    {
        long sum = 0;
        for (var pass = 0; pass < MemoryPasses; pass++)
        {
            foreach (var v in data)
            {
                sum += v;
            }
        }

        return sum;
    }
}
