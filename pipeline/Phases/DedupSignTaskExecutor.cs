using Corpus.Core.Configuration;
using Corpus.Dedup;
using Corpus.Pipeline.Execution;
using Corpus.Pipeline.Storage;

namespace Corpus.Pipeline.Phases;

/// <summary>
/// The dedup-sign phase: one task per filtered part. Streams the part once and writes, per document,
/// its id, quality score, exact key and (when fuzzy) MinHash signature and band bucket hashes to
/// <c>dedup/.work/sign-NNNNN/</c>, built in a staging folder and renamed.
/// </summary>
internal sealed class DedupSignTaskExecutor(string outputDir, DedupConfig config, Func<int, string> inputPart, int parallelism, TaskLedger ledger) : ITaskExecutor
{
    public const string Phase = "dedup-sign";

    public async Task<TaskSummary> ExecuteAsync(PhaseTask task, CancellationToken ct)
    {
        var target = DedupWork.SignedPart(outputDir, task.Index);
        var staging = Path.Combine(DedupWork.Dir(outputDir), StagesTaskExecutor.StagingPrefix + Path.GetFileName(target) + "." + AtomicFile.ProcessTag);
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        var documents = Read(inputPart(task.Index), ct).ToBlockingEnumerable(ct);
        int count = await Task.Run(() => DedupSteps.SignPart(documents, staging, DedupWork.Options(config, parallelism), ct), ct).ConfigureAwait(false);

        // Its content is a function of the part alone: a folder an earlier attempt renamed in place is the same, so it stays.
        if (Directory.Exists(target))
        {
            Directory.Delete(staging, recursive: true);
        }
        else
        {
            Directory.Move(staging, target);
        }

        ledger.Commit(Phase, task.Index, new DedupSignLedgerEntry(count));
        return new TaskSummary(count, 0, 0, 0);
    }

    private static async IAsyncEnumerable<DedupDocument> Read(string path, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var row in ParquetPartReader.ReadAsync<DocumentRow>(path, ct).ConfigureAwait(false))
        {
            yield return new DedupDocument(row.Id, row.Text, row.Scores.GetValueOrDefault("quality"));
        }
    }
}

/// <summary>What the ledger keeps of a committed dedup-sign task.</summary>
internal sealed record DedupSignLedgerEntry(int Documents);
