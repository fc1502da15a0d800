namespace Corpus.Dedup;

/// <summary>
/// Deduplication in three steps that can run as separate tasks, on separate machines sharing a
/// folder: <see cref="SignPart"/> once per part of the documents, <see cref="FindEdges"/> once per
/// range of bands (any split of the bands gives the same result), then <see cref="Resolve"/> once.
/// <see cref="Deduplicator.Run"/> is the three in a row on one part.
/// </summary>
public static class DedupSteps
{
    /// <summary>
    /// Streams one part's documents once and writes into the new folder <paramref name="folder"/>
    /// each one's id, quality score, exact key and, when fuzzy, MinHash signature and band bucket
    /// hashes. Returns the number of documents.
    /// </summary>
    public static int SignPart(IEnumerable<DedupDocument> documents, string folder, DedupOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(folder);
        options ??= new DedupOptions();
        Deduplicator.Validate(options);
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
        {
            throw new IOException($"'{folder}' is not empty.");
        }

        return PartSigner.Sign(documents, folder, options, cancellationToken);
    }

    /// <summary>
    /// Compares the members of each bucket of bands <paramref name="firstBand"/> ..
    /// <paramref name="firstBand"/> + <paramref name="bandCount"/> − 1 across every signed part
    /// (fuzzy options only) and writes the pairs to join to <paramref name="edgesPath"/>. The pairs
    /// depend only on those bands' buckets. Sorted runs go to a fresh subfolder of
    /// <see cref="DedupOptions.TempDirectory"/>. Returns the number of pairs.
    /// </summary>
    public static long FindEdges(IReadOnlyList<string> signedParts, int firstBand, int bandCount, string edgesPath, DedupOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(signedParts);
        ArgumentNullException.ThrowIfNull(edgesPath);
        options ??= new DedupOptions();
        Deduplicator.Validate(options);
        if (!options.Fuzzy)
        {
            throw new ArgumentException("FindEdges needs fuzzy options.", nameof(options));
        }

        var folder = Path.Combine(options.TempDirectory ?? Path.GetTempPath(), "corpus-bands-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            return BandJoiner.FindEdges(signedParts, firstBand, bandCount, edgesPath, folder, options, cancellationToken);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// Joins equal exact keys and every pair of <paramref name="edgeFiles"/> and picks each
    /// cluster's keeper (highest quality score, then smallest id). Documents are numbered across
    /// <paramref name="signedParts"/> in the order given, as for <see cref="FindEdges"/>. A document
    /// whose id was seen in an earlier document is a copy of it: it has no decision of its own and
    /// is in no cluster, so the decisions hold one entry per id, in order of first appearance.
    /// </summary>
    public static DedupResult Resolve(IReadOnlyList<string> signedParts, IReadOnlyList<string> edgeFiles, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(signedParts);
        ArgumentNullException.ThrowIfNull(edgeFiles);
        return ClusterResolver.Resolve(signedParts, edgeFiles, copiesOfRepeatedIds: true, cancellationToken);
    }
}
