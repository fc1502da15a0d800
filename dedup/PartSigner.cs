using System.Runtime.InteropServices;
using Corpus.Core.Text;

namespace Corpus.Dedup;

/// <summary>
/// The signing step: streams the documents of one part once, in batches hashed in parallel, and
/// writes each one's exact key and (when fuzzy) MinHash signature and band bucket hashes to the
/// part's folder (<see cref="SignedPart"/>). Memory holds one batch.
/// </summary>
internal static class PartSigner
{
    private const int Batch = 1024;

    public static int Sign(IEnumerable<DedupDocument> documents, string folder, DedupOptions options, CancellationToken ct)
    {
        var hasher = new MinHasher(options);
        int hashes = hasher.Hashes;
        int bands = options.Bands;
        int words = SignedPart.BandWords(bands);
        var batch = new List<DedupDocument>(Batch);
        var sigs = new uint[Batch * hashes];
        var records = new ulong[Batch * words];
        var keys = new UInt128[Batch];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism, CancellationToken = ct };
        int count = 0;

        Directory.CreateDirectory(folder);
        using var docsFile = new FileStream(Path.Combine(folder, SignedPart.DocsFile), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        using var docs = new BinaryWriter(docsFile);
        using var sigFile = options.Fuzzy ? new FileStream(Path.Combine(folder, SignedPart.SignaturesFile), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16) : null;
        using var bandFile = options.Fuzzy ? new FileStream(Path.Combine(folder, SignedPart.BandsFile), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16) : null;

        void ProcessBatch()
        {
            Parallel.For(0, batch.Count, parallel, i =>
            {
                var document = batch[i];
                var text = document.Text ?? string.Empty;
                keys[i] = TextHashing.ExactKey(text);
                if (!options.Fuzzy)
                {
                    return;
                }

                var sig = sigs.AsSpan(i * hashes, hashes);
                int shingles = hasher.Compute(text, sig);
                var record = records.AsSpan(i * words, words);
                record[0] = SignedPart.OrderKey(document.Id);
                record[1] = shingles > 0 ? 1UL : 0UL;
                for (int b = 0; b < bands; b++)
                {
                    record[2 + b] = Deduplicator.BandHash(sig.Slice(b * options.RowsPerBand, options.RowsPerBand), b);
                }

                if (shingles == 0)
                {
                    sig.Clear();
                }
            });

            for (int i = 0; i < batch.Count; i++)
            {
                bool signed = options.Fuzzy && records[(i * words) + 1] == 1;
                SignedPart.WriteDocument(docs, batch[i].Id, batch[i].QualityScore, keys[i], signed);
            }

            if (options.Fuzzy)
            {
                sigFile!.Write(MemoryMarshal.AsBytes(sigs.AsSpan(0, batch.Count * hashes)));
                bandFile!.Write(MemoryMarshal.AsBytes(records.AsSpan(0, batch.Count * words)));
            }

            count += batch.Count;
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

        return count;
    }
}
