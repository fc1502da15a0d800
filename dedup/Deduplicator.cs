using Corpus.Core.Text;

namespace Corpus.Dedup;

/// <summary>
/// Exact and MinHash LSH deduplication: the steps of <see cref="DedupSteps"/> in a row, on one
/// part. Documents stream through once: each gets an exact key (128 bits) and a MinHash
/// signature, written to files on disk; band buckets go to sorted runs, so memory holds only a
/// few words per document plus one run buffer. In each bucket, candidate pairs are checked
/// against their signatures; the pairs found join clusters (union-find); the keeper of each
/// cluster is the highest quality score, then the smallest id (ordinal), whatever the input
/// order or thread count.
/// </summary>
public static class Deduplicator
{
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

    internal static void Validate(DedupOptions options)
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
        var part = Path.Combine(folder, "part");
        PartSigner.Sign(documents, part, options, ct);
        var edges = new List<string>();
        if (options.Fuzzy)
        {
            var path = Path.Combine(folder, "edges.bin");
            var runs = Path.Combine(folder, "runs");
            Directory.CreateDirectory(runs);
            BandJoiner.FindEdges([part], 0, options.Bands, path, runs, options, ct);
            edges.Add(path);
        }

        return ClusterResolver.Resolve([part], edges, copiesOfRepeatedIds: false, ct);
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
}
