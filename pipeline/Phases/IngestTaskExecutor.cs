using Corpus.Core.Documents;
using Corpus.Ingest.Files;
using Corpus.Ingest.Html;
using Corpus.Ingest.Warc;
using Corpus.Pipeline.Execution;
using Corpus.Pipeline.Storage;

namespace Corpus.Pipeline.Phases;

/// <summary>
/// The ingest phase: task <c>i</c> reads its slice of the input items (whole files, or WARC/WET
/// records) and writes <c>docs/part-i.parquet</c> and <c>rejects/part-ingest-i.parquet</c>.
/// </summary>
internal sealed class IngestTaskExecutor(
    string outputDir,
    IReadOnlyList<IReadOnlyList<InputItem>> partition,
    IReadOnlyCollection<string> extensions,
    long maxFileBytes,
    Func<string, string?, ExtractedPage> htmlExtractor,
    Func<string, string>? uriMap,
    TaskLedger ledger,
    Corpus.Ingest.Pdf.PdfOptions? pdf = null)
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
        await using (var docsWriter = new ParquetPartWriter<DocumentRow>(docsTmp, r => r.Text.Length * 2L + 256))
        await using (var rejectsWriter = new ParquetPartWriter<RejectRow>(rejectsTmp, r => r.Detail.Length * 2L + 256))
        {
            using var reader = new InputItemReader(maxFileBytes, extensions, htmlExtractor, uriMap, pdf);
            foreach (var item in partition[task.Index])
            {
                ct.ThrowIfCancellationRequested();
                switch (reader.Read(item))
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
}

/// <summary>What the ledger keeps of a committed ingest task.</summary>
internal sealed record IngestLedgerEntry(long Documents, long Rejects, long Chars);
