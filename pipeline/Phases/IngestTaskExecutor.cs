using Corpus.Core.Documents;
using Corpus.Ingest.Files;
using Corpus.Ingest.Html;
using Corpus.Ingest.Pdf;
using Corpus.Pipeline.Execution;
using Corpus.Pipeline.Isolation;
using Corpus.Pipeline.Storage;

namespace Corpus.Pipeline.Phases;

/// <summary>
/// The ingest phase: task <c>i</c> reads its slice of the input items (whole files, or WARC/WET
/// records) and writes <c>docs/part-i.parquet</c> and <c>rejects/part-ingest-i.parquet</c>. While an
/// item is read, an <see cref="InFlightMarker"/> names it, so an item that kills the process is
/// charged to the <see cref="Quarantine"/>: the next attempt reads it in a worker process
/// (<paramref name="isolated"/>), and one that has killed <c>limits.quarantine_after</c> processes
/// is a reject (<c>crashed</c>, <c>timeout</c> or <c>memory</c>) and the task goes on without it.
/// </summary>
internal sealed class IngestTaskExecutor(
    string outputDir,
    IReadOnlyList<IReadOnlyList<InputItem>> partition,
    InputReaderSettings settings,
    Func<string, string?, ExtractedPage> htmlExtractor,
    TaskLedger ledger,
    Quarantine quarantine,
    IsolatedItemReader? isolated = null,
    IPdfParseHost? pdfHost = null,
    IPageTranscriber? transcriber = null)
    : ITaskExecutor
{
    public const string Phase = "ingest";

    public static string DocsPartPath(string outputDir, int index) => Path.Combine(outputDir, BuildLayout.DocsDir, PhaseTask.NameOf(index) + ".parquet");

    public static string RejectsPartPath(string outputDir, int index) => Path.Combine(outputDir, BuildLayout.RejectsDir, $"part-{Phase}-{index:D5}.parquet");

    public async Task<TaskSummary> ExecuteAsync(PhaseTask task, CancellationToken ct)
    {
        var docsPath = DocsPartPath(outputDir, task.Index);
        var rejectsPath = RejectsPartPath(outputDir, task.Index);
        var docsTmp = AtomicFile.TempPathOf(docsPath);
        var rejectsTmp = AtomicFile.TempPathOf(rejectsPath);
        long docs = 0, rejects = 0, bytes = 0;
        var killers = quarantine.Of(Phase, task.Index);
        await using (var docsWriter = new ParquetPartWriter<DocumentRow>(docsTmp, r => r.Text.Length * 2L + 256))
        await using (var rejectsWriter = new ParquetPartWriter<RejectRow>(rejectsTmp, r => r.Detail.Length * 2L + 256))
        {
            using var reader = new InputItemReader(settings, htmlExtractor, pdfHost, transcriber);
            using var marker = InFlightMarker.Open(outputDir, Phase, task.Index);
            var items = partition[task.Index];
            for (var position = 0; position < items.Count; position++)
            {
                ct.ThrowIfCancellationRequested();
                FileReadOutcome outcome;
                if (killers.TryGetValue(position, out var deaths))
                {
                    outcome = ReadKiller(task.Index, position, items[position], deaths, ct);
                }
                else
                {
                    marker.Enter(position);
                    outcome = reader.Read(items[position]);
                    marker.Leave(position);
                }

                switch (outcome)
                {
                    case FileReadOutcome.Accepted a:
                        docs++;
                        bytes += a.Document.Text.Length;
                        await docsWriter.AddAsync(DocumentRows.ToRow(a.Document), ct).ConfigureAwait(false);
                        break;
                    case FileReadOutcome.Rejected r:
                        rejects++;
                        await rejectsWriter.AddAsync(new RejectRow { Id = r.Id, Url = r.SourceUri, Phase = Phase, Reason = r.Reason, Detail = r.Detail }, ct).ConfigureAwait(false);
                        break;
                }
            }

            await docsWriter.CompleteAsync(ct).ConfigureAwait(false);
            await rejectsWriter.CompleteAsync(ct).ConfigureAwait(false);
        }

        AtomicFile.Commit(docsTmp, docsPath);
        AtomicFile.Commit(rejectsTmp, rejectsPath);
        var summary = new TaskSummary(docs, rejects, 0, bytes);
        ledger.Commit(Phase, task.Index, new IngestLedgerEntry(docs, rejects, bytes));
        return summary;
    }

    /// <summary>Reads an item that killed a process before: in a worker process while the quarantine allows, else a reject.</summary>
    private FileReadOutcome ReadKiller(int task, int position, InputItem item, ItemDeaths deaths, CancellationToken ct)
    {
        while (deaths.Deaths < quarantine.QuarantineAfter && isolated is not null)
        {
            var outcome = isolated.Read(item, settings, ct);
            if (outcome.Status == WorkerStatus.Answered)
            {
                return IngestItemWire.DecodeResponse(outcome.Body);
            }

            var reason = outcome.Status switch
            {
                WorkerStatus.TimedOut => PdfRejectReasons.Timeout,
                WorkerStatus.OutOfMemory => PdfRejectReasons.Memory,
                _ => RejectReasons.Crashed,
            };
            var cause = outcome.Status == WorkerStatus.TimedOut ? $"a worker process was {outcome.Detail}" : $"a worker process died: {outcome.Detail}";
            deaths = new ItemDeaths(quarantine.RecordDeath(Phase, task, position, reason, cause), reason, cause);
        }

        var where = item.Uri is { } uri ? settings.Rewrite?.Apply(uri) ?? uri : item.File.RelativePath;
        var detail = isolated is null
            ? $"quarantined: the process reading it died ({deaths.Last}); limits.isolation is \"none\", so it is not read again"
            : $"quarantined: {deaths.Deaths} processes died reading it; the last: {deaths.Last}";
        return new FileReadOutcome.Rejected(DocumentId.Compute(where, []), where, deaths.Reason, detail);
    }
}

/// <summary>What the ledger keeps of a committed ingest task.</summary>
internal sealed record IngestLedgerEntry(long Documents, long Rejects, long Chars);
