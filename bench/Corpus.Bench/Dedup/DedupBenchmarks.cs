using System.Diagnostics;
using System.Globalization;
using System.Text;
using Corpus.Dedup;

namespace Corpus.Bench.Dedup;

/// <summary>Dedup quality on a set with known Jaccard similarities, MinHash speed beside a reference, and memory at scale.</summary>
internal static class DedupBenchmarks
{
    private static readonly double[] Targets = [0.1, 0.3, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95];

    private static string[] Vocabulary(int size, int seed)
    {
        var random = new Random(seed);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (words.Count < size)
        {
            words.Add(new string([.. Enumerable.Range(0, random.Next(2, 9)).Select(_ => (char)('a' + random.Next(26)))]));
        }

        return [.. words.Order(StringComparer.Ordinal)];
    }

    private static HashSet<string> Shingles(string[] words)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i + 5 <= words.Length; i++)
        {
            set.Add(string.Join(' ', words, i, 5));
        }

        return set;
    }

    private static double Jaccard(HashSet<string> x, HashSet<string> y)
    {
        int both = x.Count(y.Contains);
        return both / (double)(x.Count + y.Count - both);
    }

    /// <summary>bench-dedup-quality: one copy per base document, edited until its shingle Jaccard falls to the target.</summary>
    public static int Quality(int pairsPerTarget)
    {
        var vocabulary = Vocabulary(5000, 1);
        var random = new Random(2);
        var docs = new List<DedupDocument>();
        var pairs = new List<(string A, string B, double Target, double Actual)>();
        foreach (double target in Targets)
        {
            for (int p = 0; p < pairsPerTarget; p++)
            {
                var words = Enumerable.Range(0, 300).Select(_ => vocabulary[random.Next(vocabulary.Length)]).ToArray();
                var baseShingles = Shingles(words);
                var copy = (string[])words.Clone();
                var order = Enumerable.Range(0, copy.Length).OrderBy(_ => random.Next()).ToArray();
                double actual = 1;
                for (int r = 0; r < order.Length && actual > target; r++)
                {
                    copy[order[r]] = vocabulary[random.Next(vocabulary.Length)];
                    actual = Jaccard(baseShingles, Shingles(copy));
                }

                string a = $"t{target:F2}-{p:D4}-a";
                string b = $"t{target:F2}-{p:D4}-b";
                docs.Add(new DedupDocument(a, string.Join(' ', words)));
                docs.Add(new DedupDocument(b, string.Join(' ', copy)));
                pairs.Add((a, b, target, actual));
            }
        }

        var watch = Stopwatch.StartNew();
        var result = Deduplicator.Run(docs);
        watch.Stop();
        var cluster = result.Decisions.ToDictionary(d => d.Id, d => d.ClusterId, StringComparer.Ordinal);
        bool Merged((string A, string B, double, double) pair) => cluster[pair.A] == cluster[pair.B];

        var options = new DedupOptions();
        Console.WriteLine($"dedup quality: {docs.Count} documents, {pairs.Count} pairs, {options.Bands} bands x {options.RowsPerBand} rows, min similarity {options.MinSimilarity}, {watch.Elapsed.TotalSeconds:F1} s");
        Console.WriteLine("target  actual-mean  actual-min..max  merged");
        foreach (var group in pairs.GroupBy(p => p.Target))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{group.Key,6:F2}  {group.Average(p => p.Actual),11:F3}  {group.Min(p => p.Actual):F3}..{group.Max(p => p.Actual):F3}  {group.Count(Merged) / (double)group.Count(),6:P1}"));
        }

        var high = pairs.Where(p => p.Actual >= 0.85).ToList();
        var low = pairs.Where(p => p.Actual <= 0.5).ToList();
        double recall = high.Count(Merged) / (double)high.Count;
        double mergeRate = low.Count(Merged) / (double)low.Count;
        int crossMerges = result.Clusters.Count(c => c.MemberIds.Select(id => id[..^2]).Distinct().Count() > 1);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"recall (actual Jaccard >= 0.85, {high.Count} pairs): {recall:F4} (goal >= 0.95)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"merge rate (actual Jaccard <= 0.5, {low.Count} pairs): {mergeRate:P2} (goal <= 1%)"));
        Console.WriteLine($"clusters joining unrelated documents: {crossMerges}");
        return recall >= 0.95 && mergeRate <= 0.01 ? 0 : 1;
    }

    private static string[] TwoKbDocuments(int count, int seed)
    {
        var vocabulary = Vocabulary(20000, seed);
        var random = new Random(seed);
        var docs = new string[count];
        var text = new StringBuilder();
        for (int i = 0; i < count; i++)
        {
            text.Clear();
            while (text.Length < 2048)
            {
                text.Append(vocabulary[random.Next(vocabulary.Length)]).Append(random.Next(12) == 0 ? ". " : " ");
            }

            docs[i] = text.ToString(0, 2048);
        }

        return docs;
    }

    /// <summary>bench-minhash: single-thread signatures/s of MinHasher beside a datatrove-style reference, same documents, same process.</summary>
    public static int Speed(int count, int rounds)
    {
        var docs = TwoKbDocuments(count, 3);
        var options = new DedupOptions();
        var hasher = new MinHasher(options);
        var reference = new ReferenceMinHash(options.Bands * options.RowsPerBand, options.ShingleWords, options.Seed);
        var signature = new uint[hasher.Hashes];
        var referenceSignature = new ulong[hasher.Hashes];
        double best = 0;
        double bestScalar = 0;
        double bestReference = 0;
        for (int round = 0; round < rounds; round++)
        {
            best = Math.Max(best, Rate(() => { foreach (var d in docs) { hasher.Compute(d, signature); } }));
            bestScalar = Math.Max(bestScalar, Rate(() => { foreach (var d in docs) { hasher.Compute(d, signature, allowSimd: false); } }));
            bestReference = Math.Max(bestReference, Rate(() => { foreach (var d in docs) { reference.Compute(d, referenceSignature); } }));
        }

        Console.WriteLine($"minhash: {count} documents of 2 KB, {hasher.Hashes} hashes, best of {rounds}, one thread");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"corpus MinHasher (Vector256): {best,10:F0} docs/s  {best * 2048 / 1e6,6:F1} MB/s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"corpus MinHasher (scalar):    {bestScalar,10:F0} docs/s  {bestScalar * 2048 / 1e6,6:F1} MB/s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"reference (per-permutation):  {bestReference,10:F0} docs/s  {bestReference * 2048 / 1e6,6:F1} MB/s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio corpus / reference: {best / bestReference:F1}x (goal: >= 10,000 docs/s per core)"));
        return best >= 10_000 ? 0 : 1;

        double Rate(Action action)
        {
            var watch = Stopwatch.StartNew();
            action();
            return docs.Length / watch.Elapsed.TotalSeconds;
        }
    }

    /// <summary>bench-dedup-memory: N generated 2 KB documents (every tenth a near copy of an earlier one) streamed through the deduplicator.</summary>
    public static int Memory(int count)
    {
        var vocabulary = Vocabulary(20000, 4);
        IEnumerable<DedupDocument> Generate()
        {
            var random = new Random(5);
            var text = new StringBuilder();
            string previous = string.Empty;
            for (int i = 0; i < count; i++)
            {
                if (i % 10 == 9)
                {
                    yield return new DedupDocument($"doc-{i:D9}", previous + " extra");
                    continue;
                }

                text.Clear();
                while (text.Length < 2048)
                {
                    text.Append(vocabulary[random.Next(vocabulary.Length)]).Append(' ');
                }

                previous = text.ToString();
                yield return new DedupDocument($"doc-{i:D9}", previous, random.NextDouble());
            }
        }

        var watch = Stopwatch.StartNew();
        var result = Deduplicator.Run(Generate());
        watch.Stop();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"dedup memory: {count} documents of 2 KB in {watch.Elapsed.TotalSeconds:F1} s ({count / watch.Elapsed.TotalSeconds:F0} docs/s, {Environment.ProcessorCount} cores)"));
        Console.WriteLine($"removed: {result.ExactDuplicates} exact, {result.NearDuplicates} near; clusters {result.Clusters.Length}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak working set: {process.PeakWorkingSet64 / (1024.0 * 1024):F0} MiB; GC heap now {GC.GetTotalMemory(false) / (1024.0 * 1024):F0} MiB"));
        return 0;
    }
}

/// <summary>
/// The anchor: MinHash as datatrove computes it — shingles as strings, each hashed to 64 bits, then
/// every permutation applied as (a·h + b) mod (2⁶¹ − 1), one permutation at a time.
/// </summary>
internal sealed class ReferenceMinHash
{
    private const ulong Mersenne = (1UL << 61) - 1;
    private readonly ulong[] _a;
    private readonly ulong[] _b;
    private readonly int _k;

    public ReferenceMinHash(int hashes, int k, ulong seed)
    {
        var random = new Random((int)seed);
        _a = [.. Enumerable.Range(0, hashes).Select(_ => (ulong)random.NextInt64(1, (long)Mersenne))];
        _b = [.. Enumerable.Range(0, hashes).Select(_ => (ulong)random.NextInt64(0, (long)Mersenne))];
        _k = k;
    }

    public void Compute(string text, ulong[] signature)
    {
        var words = text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        Array.Fill(signature, ulong.MaxValue);
        for (int i = 0; i + _k <= words.Length; i++)
        {
            var shingle = string.Join(' ', words, i, _k);
            ulong h = 14695981039346656037UL;
            foreach (char c in shingle)
            {
                h = (h ^ c) * 1099511628211UL;
            }

            for (int p = 0; p < _a.Length; p++)
            {
                ulong v = (ulong)(((UInt128)_a[p] * h + _b[p]) % Mersenne);
                if (v < signature[p])
                {
                    signature[p] = v;
                }
            }
        }
    }
}
