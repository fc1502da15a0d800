using System.Globalization;
using Corpus.Core.Configuration;
using Corpus.Core.Languages;
using Corpus.Filters.Decontamination;
using Corpus.Filters.Normalization;
using Corpus.Filters.Pii;
using Corpus.Filters.Quality;
using Corpus.Pipeline.Execution;
using Corpus.Pipeline.Storage;

namespace Corpus.Pipeline.Phases;

/// <summary>
/// The filter phase: task <c>i</c> reads <c>docs/part-i.parquet</c>, normalizes each text (mojibake,
/// NFC, control characters, whitespace), removes documents that share an n-gram with an evaluation
/// set (reason <c>contaminated</c>), applies the quality rules (a failing rule is a reject
/// naming the rule, the measured value and the threshold), redacts PII from what stays, and writes
/// <c>filtered/part-i.parquet</c> with every rule's measured value in the scores.
/// </summary>
internal sealed class FilterTaskExecutor(string outputDir, FiltersConfig config, Decontaminator? decontaminator, TaskLedger ledger) : ITaskExecutor
{
    public const string Phase = "filter";

    private readonly QualityFilter? _quality = config.Quality
        ? QualityFilter.Create(new QualityOptions { Urls = new UrlFilterOptions { BlocklistPath = config.UrlBlocklist } })
        : null;

    // Until a language-ID phase sets the language, a document's stop words cannot be known: the
    // stop-word rule is off for it (the filter's own default would judge every text as English).
    private readonly QualityFilter? _qualityWithoutLanguage = config.Quality
        ? QualityFilter.Create(new QualityOptions
        {
            Urls = new UrlFilterOptions { BlocklistPath = config.UrlBlocklist },
            Gopher = new GopherQualityOptions { MinStopWords = 0 },
        })
        : null;

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
            await foreach (var row in ParquetPartReader.ReadAsync<DocumentRow>(IngestTaskExecutor.DocsPartPath(outputDir, task.Index), ct).ConfigureAwait(false))
            {
                ct.ThrowIfCancellationRequested();
                var text = TextNormalizer.Normalize(row.Text);
                if (decontaminator is not null && decontaminator.Check(text) is { Length: > 0 } sets)
                {
                    rejected++;
                    await rejectWriter.AddAsync(new RejectRow { Id = row.Id, Url = row.SourceUri, Phase = Phase, Reason = "contaminated", Detail = "shares an n-gram with " + string.Join(", ", sets) }, ct).ConfigureAwait(false);
                    continue;
                }

                if (_quality is not null && _qualityWithoutLanguage is not null)
                {
                    LanguageCode? language = row.Language is { } code && LanguageCode.TryParse(code, out var parsed) ? parsed : null;
                    var filter = language is null ? _qualityWithoutLanguage : _quality;
                    var verdict = filter.Evaluate(text, language, row.SourceKind == "file" ? null : row.SourceUri);
                    foreach (var (signal, value) in verdict.Signals)
                    {
                        row.Scores[signal] = value;
                    }

                    if (!verdict.Kept)
                    {
                        rejected++;
                        await rejectWriter.AddAsync(
                            new RejectRow
                            {
                                Id = row.Id,
                                Url = row.SourceUri,
                                Phase = Phase,
                                Reason = verdict.Rule ?? "quality",
                                Detail = string.Create(CultureInfo.InvariantCulture, $"measured {verdict.Value:G4}, threshold {verdict.Threshold:G4}"),
                            },
                            ct).ConfigureAwait(false);
                        continue;
                    }

                    text = verdict.Text;
                }

                if (config.Pii)
                {
                    var redaction = PiiRedactor.Redact(text);
                    text = redaction.Text;
                    foreach (var (kind, count) in redaction.Counts)
                    {
                        if (count > 0)
                        {
                            row.Metadata["pii_" + kind.ToString().ToLowerInvariant()] = count.ToString(CultureInfo.InvariantCulture);
                        }
                    }
                }

                row.Text = text;
                kept++;
                chars += text.Length;
                await keptWriter.AddAsync(row, ct).ConfigureAwait(false);
            }

            await keptWriter.CompleteAsync(ct).ConfigureAwait(false);
            await rejectWriter.CompleteAsync(ct).ConfigureAwait(false);
        }

        AtomicFile.Commit(AtomicFile.TempPathOf(keptPath), keptPath);
        AtomicFile.Commit(AtomicFile.TempPathOf(rejectsPath), rejectsPath);
        ledger.Commit(Phase, task.Index, new FilterLedgerEntry(kept, rejected));
        return new TaskSummary(kept, rejected, 0, chars);
    }
}

/// <summary>What the ledger keeps of a committed filter task.</summary>
internal sealed record FilterLedgerEntry(long Kept, long Rejected);
