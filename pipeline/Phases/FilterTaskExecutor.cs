using Akka;
using Akka.Streams;
using Akka.Streams.Dsl;
using Corpus.Core.Configuration;
using Corpus.Filters.Decontamination;
using Corpus.Pipeline.Execution;
using Corpus.Pipeline.Storage;

namespace Corpus.Pipeline.Phases;

/// <summary>
/// The filter phase: task <c>i</c> reads <c>docs/part-i.parquet</c>, normalizes each text (mojibake,
/// NFC, control characters, whitespace), removes documents that share an n-gram with an evaluation
/// set (reason <c>contaminated</c>), labels each (language, script, code, edu score, domain; reason
/// <c>language</c> for a language not kept), applies the quality rules (a failing rule is a reject
/// naming the rule, the measured value and the threshold), redacts PII from what stays, and writes
/// <c>filtered/part-i.parquet</c> with every rule's measured value in the scores. Inside a task the
/// documents flow through Akka.Streams: read, filter on up to <c>parallelism</c> documents at once
/// (in order, with back-pressure), write; so one task keeps several cores busy and no stage runs
/// ahead of the others by more than a few documents.
/// </summary>
internal sealed class FilterTaskExecutor(string outputDir, FiltersConfig config, ClassifyConfig classify, Decontaminator? decontaminator, TaskLedger ledger, Func<string, long>? countTokens, IMaterializer materializer, int parallelism, double documentSeconds = 60) : ITaskExecutor
{
    public const string Phase = "filter";

    private readonly DocumentFilter _filter = new(config, classify, decontaminator, documentSeconds);

    public static string FilteredPartPath(string outputDir, int index) => Path.Combine(outputDir, BuildLayout.FilteredDir, PhaseTask.NameOf(index) + ".parquet");

    public async Task<TaskSummary> ExecuteAsync(PhaseTask task, CancellationToken ct)
    {
        var keptPath = FilteredPartPath(outputDir, task.Index);
        var rejectsPath = Path.Combine(outputDir, BuildLayout.RejectsDir, $"part-{Phase}-{task.Index:D5}.parquet");
        Directory.CreateDirectory(Path.GetDirectoryName(keptPath)!);
        long kept = 0, rejected = 0, chars = 0;
        await using (var keptWriter = new ParquetPartWriter<DocumentRow>(AtomicFile.TempPathOf(keptPath), r => r.Text.Length * 2L + 256))
        await using (var rejectWriter = new ParquetPartWriter<RejectRow>(AtomicFile.TempPathOf(rejectsPath), _ => 256))
        {
            async Task Write((DocumentRow Row, (string Reason, string Detail)? Reject, long? Tokens) judged)
            {
                var (row, reject, tokens) = judged;
                if (reject is { } r)
                {
                    rejected++;
                    await rejectWriter.AddAsync(new RejectRow { Id = row.Id, Url = row.SourceUri, Phase = Phase, Reason = r.Reason, Detail = r.Detail, Tokens = tokens }, ct).ConfigureAwait(false);
                    return;
                }

                kept++;
                chars += row.Text.Length;
                await keptWriter.AddAsync(row, ct).ConfigureAwait(false);
            }

            var input = IngestTaskExecutor.DocsPartPath(outputDir, task.Index);
            await Source.From(() => ParquetPartReader.ReadAsync<DocumentRow>(input, ct))
                .SelectAsync(parallelism, row => Task.Run(() => Judge(row), ct))
                .SelectAsync(1, async judged =>
                {
                    await Write(judged).ConfigureAwait(false);
                    return NotUsed.Instance;
                })
                .RunWith(Sink.Ignore<NotUsed>(), materializer)
                .ConfigureAwait(false);

            await keptWriter.CompleteAsync(ct).ConfigureAwait(false);
            await rejectWriter.CompleteAsync(ct).ConfigureAwait(false);
        }

        AtomicFile.Commit(AtomicFile.TempPathOf(keptPath), keptPath);
        AtomicFile.Commit(AtomicFile.TempPathOf(rejectsPath), rejectsPath);
        ledger.Commit(Phase, task.Index, new FilterLedgerEntry(kept, rejected));
        return new TaskSummary(kept, rejected, 0, chars);
    }

    /// <summary>Filters one document (in place); a reject carries its reason and, when counted, its tokens.</summary>
    private (DocumentRow Row, (string Reason, string Detail)? Reject, long? Tokens) Judge(DocumentRow row) =>
        _filter.Apply(row) is { } reject ? (row, reject, countTokens?.Invoke(row.Text)) : (row, null, null);
}

/// <summary>What the ledger keeps of a committed filter task.</summary>
internal sealed record FilterLedgerEntry(long Kept, long Rejected);
