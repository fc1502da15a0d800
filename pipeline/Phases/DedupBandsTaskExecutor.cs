using Corpus.Core.Configuration;
using Corpus.Dedup;
using Corpus.Pipeline.Execution;

namespace Corpus.Pipeline.Phases;

/// <summary>
/// The dedup-bands phase: a fixed number of tasks (<see cref="DedupWork.BandTasks"/>), each over a
/// contiguous range of bands. Reads every signed part's bucket hashes for its bands, sorts them on
/// disk, verifies the candidates of each bucket against their signatures and writes the pairs to
/// join to <c>dedup/.work/edges-NNNNN.bin</c>. The pairs depend only on each bucket, so the result
/// does not depend on the number of tasks, nor on where or in which order they run.
/// </summary>
internal sealed class DedupBandsTaskExecutor(string outputDir, DedupConfig config, int parts, int tasks, int parallelism, TaskLedger ledger) : ITaskExecutor
{
    public const string Phase = "dedup-bands";

    public async Task<TaskSummary> ExecuteAsync(PhaseTask task, CancellationToken ct)
    {
        var (first, count) = DedupWork.BandsOf(task.Index, tasks, config.Bands);
        var signed = Enumerable.Range(0, parts).Select(i => DedupWork.SignedPart(outputDir, i)).ToList();
        var edgesPath = DedupWork.Edges(outputDir, task.Index);
        var options = DedupWork.Options(config, parallelism, DedupWork.Dir(outputDir));
        long edges = await Task.Run(() => DedupSteps.FindEdges(signed, first, count, AtomicFile.TempPathOf(edgesPath), options, ct), ct).ConfigureAwait(false);
        AtomicFile.Commit(AtomicFile.TempPathOf(edgesPath), edgesPath);
        ledger.Commit(Phase, task.Index, new DedupBandsLedgerEntry(first, count, edges));
        return TaskSummary.Empty;
    }
}

/// <summary>What the ledger keeps of a committed dedup-bands task: its bands and the pairs it found.</summary>
internal sealed record DedupBandsLedgerEntry(int FirstBand, int Bands, long Edges);
