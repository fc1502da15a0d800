using System.Collections.Immutable;

namespace Corpus.Dedup;

/// <summary>
/// The resolve step: reads the signed parts' documents (id, score, exact key) in part order, joins
/// equal exact keys and every edge of the band step (union-find), and picks each cluster's keeper:
/// highest quality score, then smallest id (ordinal), then exact key, then document number.
/// Memory holds a few words per document.
/// </summary>
internal static class ClusterResolver
{
    /// <param name="parts">Signed part folders, in part order (the document numbering of the edges).</param>
    /// <param name="edgeFiles">Edge files of the band step; the order does not matter.</param>
    /// <param name="copiesOfRepeatedIds">
    /// When true, a document whose id was seen earlier is a copy of that document: it stands for it
    /// in the edges, is left out of the decisions and clusters, and the decisions hold one entry per id.
    /// </param>
    /// <param name="ct">Cancels between parts and edge files.</param>
    public static DedupResult Resolve(IReadOnlyList<string> parts, IReadOnlyList<string> edgeFiles, bool copiesOfRepeatedIds, CancellationToken ct)
    {
        var ids = new List<string>();
        var scores = new List<double>();
        var keys = new List<UInt128>();
        var alias = new List<int>();
        var first = copiesOfRepeatedIds ? new Dictionary<string, int>(StringComparer.Ordinal) : null;
        foreach (var part in parts)
        {
            ct.ThrowIfCancellationRequested();
            foreach (var document in SignedPart.ReadDocuments(part))
            {
                int doc = ids.Count;
                ids.Add(document.Id);
                scores.Add(document.Score);
                keys.Add(document.Key);
                alias.Add(first is not null && !first.TryAdd(document.Id, doc) ? first[document.Id] : doc);
            }
        }

        first = null;
        int n = ids.Count;
        var sets = new UnionFind(n);

        // Exact: equal keys are one cluster.
        var byKey = Enumerable.Range(0, n).Where(i => alias[i] == i).ToArray();
        Array.Sort(byKey, (x, y) => keys[x].CompareTo(keys[y]));
        for (int i = 1; i < byKey.Length; i++)
        {
            if (keys[byKey[i]] == keys[byKey[i - 1]])
            {
                sets.Union(byKey[i - 1], byKey[i]);
            }
        }

        byKey = null;

        // Near: every edge of every band.
        foreach (var path in edgeFiles)
        {
            ct.ThrowIfCancellationRequested();
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            if (file.Length % 8 != 0)
            {
                throw new InvalidDataException($"'{path}' does not hold whole edges.");
            }

            using var reader = new BinaryReader(file);
            for (long e = file.Length / 8; e > 0; e--)
            {
                int x = reader.ReadInt32();
                int y = reader.ReadInt32();
                if ((uint)x >= (uint)n || (uint)y >= (uint)n)
                {
                    throw new InvalidDataException($"'{path}' names a document out of range.");
                }

                sets.Union(alias[x], alias[y]);
            }
        }

        var keeper = new int[n];
        Array.Fill(keeper, -1);
        for (int i = 0; i < n; i++)
        {
            if (alias[i] != i)
            {
                continue;
            }

            int root = sets.Find(i);
            int k = keeper[root];
            if (k < 0 || Better(i, k))
            {
                keeper[root] = i;
            }
        }

        var decisions = ImmutableArray.CreateBuilder<DedupDecision>(n);
        var members = new Dictionary<int, List<string>>();
        for (int i = 0; i < n; i++)
        {
            if (alias[i] != i)
            {
                continue;
            }

            int k = keeper[sets.Find(i)];
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
        return new DedupResult(decisions.ToImmutable(), clusters);

        bool Better(int x, int y)
        {
            int c = scores[x].CompareTo(scores[y]);
            if (c != 0)
            {
                return c > 0;
            }

            c = string.CompareOrdinal(ids[x], ids[y]);
            if (c != 0)
            {
                return c < 0;
            }

            c = keys[x].CompareTo(keys[y]);
            return c != 0 ? c < 0 : x < y;
        }
    }
}
