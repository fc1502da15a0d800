namespace Corpus.Dedup;

/// <summary>
/// The band step: for a range of bands, reads every signed part's bucket hashes, sorts them on disk
/// (<see cref="BucketRuns"/>), and in each bucket compares members in order-key order, each with up
/// to <see cref="MaxComparisonsPerMember"/> earlier members of that bucket, keeping the first pair whose signatures agree. The pairs (edges) it writes depend only
/// on the buckets themselves, never on other buckets or bands, so how bands are split into tasks
/// does not change the union of the edges. Edges file: pairs of int32 document numbers (numbered
/// across parts in part order), in bucket order.
/// </summary>
internal static class BandJoiner
{
    public const int MaxComparisonsPerMember = 8;
    private const int BlockRecords = 4096;

    public static long FindEdges(IReadOnlyList<string> parts, int firstBand, int bandCount, string edgesPath, string tempFolder, DedupOptions options, CancellationToken ct)
    {
        int bands = options.Bands;
        ArgumentOutOfRangeException.ThrowIfNegative(firstBand);
        ArgumentOutOfRangeException.ThrowIfNegative(bandCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(firstBand + bandCount, bands);
        int words = SignedPart.BandWords(bands);

        var firstDoc = new int[parts.Count];
        int total = 0;
        for (int p = 0; p < parts.Count; p++)
        {
            firstDoc[p] = total;
            total = checked(total + SignedPart.CountFromBands(parts[p], bands));
        }

        var order = new ulong[total];
        using var runs = new BucketRuns(tempFolder, options.RunRecords);
        var block = new ulong[BlockRecords * words];
        for (int p = 0; p < parts.Count; p++)
        {
            using var file = new FileStream(Path.Combine(parts[p], SignedPart.BandsFile), FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            int doc = firstDoc[p];
            int got;
            while ((got = SignedPart.ReadBandRecords(file, block, words)) > 0)
            {
                ct.ThrowIfCancellationRequested();
                for (int i = 0; i < got; i++, doc++)
                {
                    var record = block.AsSpan(i * words, words);
                    order[doc] = record[0];
                    if (record[1] == 0)
                    {
                        continue;
                    }

                    for (int b = firstBand; b < firstBand + bandCount; b++)
                    {
                        runs.Add(new BucketRecord(record[2 + b], b, doc));
                    }
                }
            }
        }

        long edges = 0;
        using var verifier = new SignatureVerifier(parts, firstDoc, options.Bands * options.RowsPerBand, options.MinSimilarity);
        using var edgeFile = new FileStream(edgesPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        using var writer = new BinaryWriter(edgeFile);
        var group = new List<int>();
        BucketRecord current = default;
        foreach (var record in runs.Merge())
        {
            if (group.Count > 0 && !record.SameBucket(current))
            {
                edges += JoinGroup(group, order, verifier, writer);
                group.Clear();
                ct.ThrowIfCancellationRequested();
            }

            current = record;
            group.Add(record.Doc);
        }

        edges += JoinGroup(group, order, verifier, writer);
        return edges;
    }

    /// <summary>
    /// Joins the members of one bucket: in order-key order (then document number), each member is
    /// compared with up to a few earlier members and joined to the first whose signature agrees;
    /// each join is one edge. Nothing outside the bucket is consulted.
    /// </summary>
    private static int JoinGroup(List<int> group, ulong[] order, SignatureVerifier verifier, BinaryWriter writer)
    {
        if (group.Count < 2)
        {
            return 0;
        }

        group.Sort((x, y) =>
        {
            int c = order[x].CompareTo(order[y]);
            return c != 0 ? c : x.CompareTo(y);
        });
        int edges = 0;
        for (int i = 1; i < group.Count; i++)
        {
            for (int j = 0; j < Math.Min(i, MaxComparisonsPerMember); j++)
            {
                if (verifier.Similar(group[j], group[i]))
                {
                    writer.Write(group[j]);
                    writer.Write(group[i]);
                    edges++;
                    break;
                }
            }
        }

        return edges;
    }
}
