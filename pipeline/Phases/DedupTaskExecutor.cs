using Corpus.Core.Configuration;
using Corpus.Filters.Dedup;
using Corpus.Pipeline.Execution;
using Corpus.Pipeline.Storage;

namespace Corpus.Pipeline.Phases;

/// <summary>
/// The dedup phase: one task over every ingested part, since duplicates cross parts. Exact dedup on
/// normalized text and MinHash LSH (the filters component streams the texts once and keeps its
/// buckets on disk), keepers chosen by quality score then smallest id, never by arrival order.
/// Writes <c>dedup/kept/part-i.parquet</c> (the documents of input part <c>i</c> that stay, in their
/// order), <c>dedup/clusters.parquet</c> (keeper, member, reason) and the removed documents to
/// <c>rejects/part-dedup-i.parquet</c>.
/// </summary>
internal sealed class DedupTaskExecutor(string outputDir, DedupConfig config, Func<int, string> inputPart, int parts, int parallelism, TaskLedger ledger, Func<string, long>? countTokens = null) : ITaskExecutor
{
    public const string Phase = "dedup";

    public static string KeptPartPath(string outputDir, int index) => Path.Combine(outputDir, BuildLayout.DedupDir, "kept", PhaseTask.NameOf(index) + ".parquet");

    public async Task<TaskSummary> ExecuteAsync(PhaseTask task, CancellationToken ct)
    {
        var tempDir = Path.Combine(outputDir, BuildLayout.DedupDir, ".work");
        Directory.CreateDirectory(tempDir);
        var options = new DedupOptions
        {
            Fuzzy = config.Fuzzy,
            Bands = config.Bands,
            RowsPerBand = config.RowsPerBand,
            MinSimilarity = config.MinSimilarity,
            MaxDegreeOfParallelism = Math.Max(1, parallelism),
            TempDirectory = tempDir,
        };

        // A document id seen twice is the same source with the same content: the later copy is an exact duplicate.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var repeated = new HashSet<string>(StringComparer.Ordinal);
        var result = Deduplicator.Run(ReadAll(seen, repeated, ct), options, ct);
        var decisions = result.Decisions.ToDictionary(d => d.Id, StringComparer.Ordinal);

        Directory.CreateDirectory(Path.GetDirectoryName(KeptPartPath(outputDir, 0))!);
        long kept = 0, removed = 0;
        var emitted = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < parts; i++)
        {
            var keptPath = KeptPartPath(outputDir, i);
            var rejectsPath = Path.Combine(outputDir, BuildLayout.RejectsDir, $"part-{Phase}-{i:D5}.parquet");
            await using (var keptWriter = new ParquetPartWriter<DocumentRow>(AtomicFile.TempPathOf(keptPath), r => r.Text.Length * 2L + 256))
            await using (var rejectWriter = new ParquetPartWriter<RejectRow>(AtomicFile.TempPathOf(rejectsPath), r => 256))
            {
                await foreach (var row in ParquetPartReader.ReadAsync<DocumentRow>(inputPart(i), ct).ConfigureAwait(false))
                {
                    var decision = decisions[row.Id];
                    if (decision.Kept && emitted.Add(row.Id))
                    {
                        kept++;
                        await keptWriter.AddAsync(row, ct).ConfigureAwait(false);
                        continue;
                    }

                    removed++;
                    var reason = decision.Kept ? "exact-duplicate" : DedupOutputs.RemovalReason(decision); // kept id seen again: a repeated document
                    await rejectWriter.AddAsync(new RejectRow { Id = row.Id, Url = row.SourceUri, Phase = Phase, Reason = reason, Detail = $"duplicate of {decision.ClusterId}", Tokens = countTokens?.Invoke(row.Text) }, ct).ConfigureAwait(false);
                }

                await keptWriter.CompleteAsync(ct).ConfigureAwait(false);
                await rejectWriter.CompleteAsync(ct).ConfigureAwait(false);
            }

            AtomicFile.Commit(AtomicFile.TempPathOf(keptPath), keptPath);
            AtomicFile.Commit(AtomicFile.TempPathOf(rejectsPath), rejectsPath);
        }

        await DedupOutputs.WriteClustersAsync(Path.Combine(outputDir, BuildLayout.DedupDir, "clusters.parquet"), result, decisions, ct).ConfigureAwait(false);
        Directory.Delete(tempDir, recursive: true);
        ledger.Commit(Phase, task.Index, new DedupLedgerEntry(kept, removed, result.Clusters.Length));
        return new TaskSummary(kept, removed, 0, 0);
    }

    private async IAsyncEnumerable<DedupDocument> ReadAllAsync(HashSet<string> seen, HashSet<string> repeated, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        for (var i = 0; i < parts; i++)
        {
            await foreach (var row in ParquetPartReader.ReadAsync<DocumentRow>(inputPart(i), ct).ConfigureAwait(false))
            {
                if (!seen.Add(row.Id))
                {
                    repeated.Add(row.Id);
                    continue;
                }

                yield return new DedupDocument(row.Id, row.Text, row.Scores.GetValueOrDefault("quality"));
            }
        }
    }

    private IEnumerable<DedupDocument> ReadAll(HashSet<string> seen, HashSet<string> repeated, CancellationToken ct) =>
        ReadAllAsync(seen, repeated, ct).ToBlockingEnumerable(ct);
}

/// <summary>What the ledger keeps of the committed dedup task.</summary>
internal sealed record DedupLedgerEntry(long Kept, long Removed, int Clusters);
