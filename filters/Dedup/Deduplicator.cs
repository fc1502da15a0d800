using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Corpus.Filters.Dedup;

/// <summary>
/// Exact and MinHash LSH deduplication. Documents stream through once: each gets an exact key
/// (128 bits) and a MinHash signature; signatures go to a file on disk and band buckets to sorted
/// runs, so memory holds only a few words per document (id, score, key, union-find parent) plus
/// one run buffer. Buckets are k-way merged, candidate pairs checked against their signatures
/// and joined by union-find; the keeper of each cluster is the highest quality score, then the
/// smallest id (ordinal), whatever the input order or thread count.
/// </summary>
public static class Deduplicator
{
    private const int Batch = 1024;
    private const int MaxComparisonsPerMember = 8;

    /// <summary>Deduplicates <paramref name="documents"/> (ids should be unique).</summary>
    public static DedupResult Run(IEnumerable<DedupDocument> documents, DedupOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        options ??= new DedupOptions();
        Validate(options);

        var folder = Path.Combine(options.TempDirectory ?? Path.GetTempPath(), "corpus-dedup-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            return RunCore(documents, options, folder, cancellationToken);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Validate(DedupOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ShingleWords, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ShingleCharacters, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Bands, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.RowsPerBand, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxDegreeOfParallelism, 1);
        if (options.MinSimilarity is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "MinSimilarity must be within 0..1.");
        }
    }

    private static DedupResult RunCore(IEnumerable<DedupDocument> documents, DedupOptions options, string folder, CancellationToken ct)
    {
        var hasher = new MinHasher(options);
        int hashes = hasher.Hashes;
        int bands = options.Bands;
        var ids = new List<string>();
        var scores = new List<double>();
        var keys = new List<UInt128>();
        var hasSignature = new List<bool>();

        var batch = new List<DedupDocument>(Batch);
        var sigs = new uint[Batch * hashes];
        var buckets = new ulong[Batch * bands];
        var shingleCounts = new int[Batch];
        var batchKeys = new UInt128[Batch];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism, CancellationToken = ct };

        var sigPath = Path.Combine(folder, "signatures.bin");
        using var runs = new BucketRuns(folder, options.RunRecords);
        using (var sigFile = new FileStream(sigPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
        {
            void ProcessBatch()
            {
                Parallel.For(0, batch.Count, parallel, i =>
                {
                    var text = batch[i].Text ?? string.Empty;
                    batchKeys[i] = TextHashing.ExactKey(text);
                    if (options.Fuzzy)
                    {
                        var sig = sigs.AsSpan(i * hashes, hashes);
                        shingleCounts[i] = hasher.Compute(text, sig);
                        for (int b = 0; b < bands; b++)
                        {
                            buckets[(i * bands) + b] = BandHash(sig.Slice(b * options.RowsPerBand, options.RowsPerBand), b);
                        }
                    }
                });

                for (int i = 0; i < batch.Count; i++)
                {
                    int doc = ids.Count;
                    ids.Add(batch[i].Id);
                    scores.Add(batch[i].QualityScore);
                    keys.Add(batchKeys[i]);
                    bool signed = options.Fuzzy && shingleCounts[i] > 0;
                    hasSignature.Add(signed);
                    if (signed)
                    {
                        for (int b = 0; b < bands; b++)
                        {
                            runs.Add(new BucketRecord(buckets[(i * bands) + b], b, doc));
                        }
                    }
                }

                if (options.Fuzzy)
                {
                    sigFile.Write(MemoryMarshal.AsBytes(sigs.AsSpan(0, batch.Count * hashes)));
                }

                batch.Clear();
            }

            foreach (var document in documents)
            {
                ct.ThrowIfCancellationRequested();
                ArgumentNullException.ThrowIfNull(document);
                batch.Add(document);
                if (batch.Count == Batch)
                {
                    ProcessBatch();
                }
            }

            if (batch.Count > 0)
            {
                ProcessBatch();
            }
        }

        int n = ids.Count;

        // Rank by the stable key (id, then exact key): every order-sensitive choice below uses ranks.
        var byRank = new int[n];
        for (int i = 0; i < n; i++)
        {
            byRank[i] = i;
        }

        Array.Sort(byRank, (x, y) =>
        {
            int c = string.CompareOrdinal(ids[x], ids[y]);
            return c != 0 ? c : keys[x].CompareTo(keys[y]);
        });
        var rank = new int[n];
        for (int r = 0; r < n; r++)
        {
            rank[byRank[r]] = r;
        }

        var sets = new UnionFind(n);

        // Exact: equal keys are one cluster.
        var byKey = (int[])byRank.Clone();
        Array.Sort(byKey, (x, y) =>
        {
            int c = keys[x].CompareTo(keys[y]);
            return c != 0 ? c : rank[x].CompareTo(rank[y]);
        });
        for (int i = 1; i < n; i++)
        {
            if (keys[byKey[i]] == keys[byKey[i - 1]])
            {
                sets.Union(byKey[i - 1], byKey[i]);
            }
        }

        byKey = null;

        if (options.Fuzzy && n > 0)
        {
            using var sigHandle = File.OpenHandle(sigPath, FileMode.Open, FileAccess.Read);
            var verifier = new SignatureVerifier(sigHandle, hashes, options.MinSimilarity);
            var group = new List<int>();
            BucketRecord current = default;
            foreach (var record in runs.Merge())
            {
                if (group.Count > 0 && !record.SameBucket(current))
                {
                    JoinGroup(group, rank, sets, verifier);
                    group.Clear();
                    ct.ThrowIfCancellationRequested();
                }

                current = record;
                group.Add(record.Doc);
            }

            JoinGroup(group, rank, sets, verifier);
        }

        // Keepers: highest score, then smallest rank (id).
        var keeper = new int[n];
        Array.Fill(keeper, -1);
        for (int i = 0; i < n; i++)
        {
            int root = sets.Find(i);
            int k = keeper[root];
            if (k < 0 || Better(i, k, scores, rank))
            {
                keeper[root] = i;
            }
        }

        var decisions = ImmutableArray.CreateBuilder<DedupDecision>(n);
        var members = new Dictionary<int, List<string>>();
        for (int i = 0; i < n; i++)
        {
            int root = sets.Find(i);
            int k = keeper[root];
            bool kept = k == i;
            var reason = kept ? DedupReason.None : keys[i] == keys[k] ? DedupReason.ExactDuplicate : DedupReason.NearDuplicate;
            decisions.Add(new DedupDecision(ids[i], kept, ids[k], reason));
            if (!kept)
            {
                if (!members.TryGetValue(k, out var list))
                {
                    list = [ids[k]];
                    members[k] = list;
                }

                list.Add(ids[i]);
            }
        }

        var clusters = members
            .Select(kv => new DedupCluster(ids[kv.Key], [.. kv.Value.Order(StringComparer.Ordinal)]))
            .OrderBy(c => c.KeeperId, StringComparer.Ordinal)
            .ToImmutableArray();
        return new DedupResult(decisions.MoveToImmutable(), clusters);
    }

    private static bool Better(int x, int y, List<double> scores, int[] rank)
    {
        int c = scores[x].CompareTo(scores[y]);
        return c != 0 ? c > 0 : rank[x] < rank[y];
    }

    /// <summary>
    /// Joins the members of one bucket: in rank order, each member is compared with up to a few
    /// earlier members not already in its cluster, and joined to the first that passes.
    /// </summary>
    private static void JoinGroup(List<int> group, int[] rank, UnionFind sets, SignatureVerifier verifier)
    {
        if (group.Count < 2)
        {
            return;
        }

        group.Sort((x, y) => rank[x].CompareTo(rank[y]));
        for (int i = 1; i < group.Count; i++)
        {
            int d = group[i];
            int compared = 0;
            for (int j = 0; j < i && compared < MaxComparisonsPerMember; j++)
            {
                int e = group[j];
                if (sets.Find(d) == sets.Find(e))
                {
                    break;
                }

                compared++;
                if (verifier.Similar(e, d))
                {
                    sets.Union(e, d);
                    break;
                }
            }
        }
    }

    internal static ulong BandHash(ReadOnlySpan<uint> rows, int band)
    {
        ulong h = 0x243F6A8885A308D3UL ^ (ulong)band;
        foreach (uint r in rows)
        {
            h = TextHashing.Mix64(h ^ r);
        }

        return h;
    }

    private sealed class SignatureVerifier(SafeFileHandle handle, int hashes, double minSimilarity)
    {
        private readonly uint[] _x = new uint[hashes];
        private readonly uint[] _y = new uint[hashes];
        private readonly int _needed = (int)Math.Ceiling(minSimilarity * hashes);
        private int _cached = -1;

        public bool Similar(int x, int y)
        {
            if (_needed == 0)
            {
                return true;
            }

            if (_cached != x)
            {
                Read(x, _x);
                _cached = x;
            }

            Read(y, _y);
            int equal = 0;
            for (int i = 0; i < hashes; i++)
            {
                if (_x[i] == _y[i])
                {
                    equal++;
                }
            }

            return equal >= _needed;
        }

        private void Read(int doc, uint[] into)
        {
            var bytes = MemoryMarshal.AsBytes(into.AsSpan());
            long offset = (long)doc * hashes * sizeof(uint);
            int read = 0;
            while (read < bytes.Length)
            {
                int got = RandomAccess.Read(handle, bytes[read..], offset + read);
                if (got == 0)
                {
                    throw new EndOfStreamException("Signature file ended early.");
                }

                read += got;
            }
        }
    }

    private sealed class UnionFind
    {
        private readonly int[] _parent;

        public UnionFind(int n)
        {
            _parent = new int[n];
            for (int i = 0; i < n; i++)
            {
                _parent[i] = i;
            }
        }

        public int Find(int x)
        {
            while (_parent[x] != x)
            {
                _parent[x] = _parent[_parent[x]];
                x = _parent[x];
            }

            return x;
        }

        public void Union(int x, int y)
        {
            int rx = Find(x);
            int ry = Find(y);
            if (rx == ry)
            {
                return;
            }

            if (rx < ry)
            {
                _parent[ry] = rx;
            }
            else
            {
                _parent[rx] = ry;
            }
        }
    }
}
