using Corpus.Dedup;
using Corpus.Pipeline.Execution;
using Corpus.Pipeline.Storage;

namespace Corpus.Pipeline.Phases;

/// <summary>
/// The dedup phase: one light task after dedup-sign and dedup-bands, since duplicates cross parts.
/// Joins equal exact keys and every pair the band tasks found (union-find), picks keepers by quality
/// score then smallest id, never by arrival order or task placement, and writes
/// <c>dedup/kept/part-i.parquet</c> (the documents of input part <c>i</c> that stay, in their
/// order), <c>dedup/clusters.parquet</c> (keeper, member, reason) and the removed documents to
/// <c>rejects/part-dedup-i.parquet</c>; then deletes <c>dedup/.work/</c>.
/// </summary>
internal sealed class DedupTaskExecutor(string outputDir, Func<int, string> inputPart, int parts, int bandTasks, TaskLedger ledger, Func<string, long>? countTokens = null) : ITaskExecutor
{
    public const string Phase = "dedup";

    public static string KeptPartPath(string outputDir, int index) => Path.Combine(outputDir, BuildLayout.DedupDir, "kept", PhaseTask.NameOf(index) + ".parquet");

    public async Task<TaskSummary> ExecuteAsync(PhaseTask task, CancellationToken ct)
    {
        var signed = Enumerable.Range(0, parts).Select(i => DedupWork.SignedPart(outputDir, i)).ToList();
        var edges = Enumerable.Range(0, bandTasks).Select(k => DedupWork.Edges(outputDir, k)).ToList();
        // A document id seen twice is the same source with the same content: Resolve takes the later
        // copy for the first (one decision per id), and below it is removed as an exact duplicate.
        var result = await Task.Run(() => DedupSteps.Resolve(signed, edges, ct), ct).ConfigureAwait(false);
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
        ledger.Commit(Phase, task.Index, new DedupLedgerEntry(kept, removed, result.Clusters.Length));
        if (Directory.Exists(DedupWork.Dir(outputDir)))
        {
            Directory.Delete(DedupWork.Dir(outputDir), recursive: true);
        }

        return new TaskSummary(kept, removed, 0, 0);
    }
}

/// <summary>What the ledger keeps of the committed dedup task.</summary>
internal sealed record DedupLedgerEntry(long Kept, long Removed, int Clusters);
