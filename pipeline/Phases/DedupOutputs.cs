using System.Text.Json.Serialization;
using Corpus.Dedup;
using Corpus.Pipeline.Execution;
using Corpus.Pipeline.Storage;
using Parquet.Serialization.Attributes;

namespace Corpus.Pipeline.Phases;

/// <summary>What the build's dedup phase and <c>corpus dedup</c> both write: reason names and the clusters file.</summary>
internal static class DedupOutputs
{
    /// <summary>The reason a removed document gives in rejects and clusters.</summary>
    public static string RemovalReason(DedupDecision decision) =>
        decision.Reason == DedupReason.NearDuplicate ? "near-duplicate" : "exact-duplicate";

    /// <summary>Writes every cluster member (keeper_id, member_id, reason) sorted by keeper then member, by temp-file-and-rename.</summary>
    public static async Task WriteClustersAsync(string path, DedupResult result, IReadOnlyDictionary<string, DedupDecision> decisions, CancellationToken ct)
    {
        var tmp = AtomicFile.TempPathOf(path);
        await using (var writer = new ParquetPartWriter<ClusterRow>(tmp, _ => 128))
        {
            foreach (var cluster in result.Clusters.OrderBy(c => c.KeeperId, StringComparer.Ordinal))
            {
                foreach (var member in cluster.MemberIds.Order(StringComparer.Ordinal))
                {
                    var reason = member == cluster.KeeperId ? "keeper" : RemovalReason(decisions[member]);
                    await writer.AddAsync(new ClusterRow { KeeperId = cluster.KeeperId, MemberId = member, Reason = reason }, ct).ConfigureAwait(false);
                }
            }

            await writer.CompleteAsync(ct).ConfigureAwait(false);
        }

        AtomicFile.Commit(tmp, path);
    }

    /// <summary>One row of a clusters file.</summary>
    internal sealed class ClusterRow
    {
        [JsonPropertyName("keeper_id")]
        [ParquetRequired]
        public string KeeperId { get; set; } = string.Empty;

        [JsonPropertyName("member_id")]
        [ParquetRequired]
        public string MemberId { get; set; } = string.Empty;

        [JsonPropertyName("reason")]
        [ParquetRequired]
        public string Reason { get; set; } = string.Empty;
    }
}
