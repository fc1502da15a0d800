using Akka;
using Akka.Streams;
using Akka.Streams.Dsl;
using Corpus.Core.Configuration;
using Corpus.Pipeline.Execution;
using Corpus.Pipeline.Storage;
using Corpus.Shards.Mixing;
using Corpus.Tokenizer;

namespace Corpus.Pipeline.Phases;

/// <summary>
/// The tokenize phase: task <c>i</c> tokenizes the kept documents of part <c>i</c> (end-of-text
/// appended) into <c>tokens/part-i.parquet</c> with the labels mixing needs, and counts, for every
/// stage, its eligible training documents by cell and draw bucket (<see cref="StageHistogram"/>)
/// into the ledger, so the mixing plan needs no second pass over the data. Documents flow through
/// an Akka.Streams flow: tokenized <c>parallelism</c> at a time, written in their order.
/// </summary>
internal sealed class TokenizeTaskExecutor(string outputDir, BuildConfig config, Func<int, string> inputPart, QwenTokenizer tokenizer, TaskLedger ledger, IMaterializer materializer, int parallelism) : ITaskExecutor
{
    public const string Phase = "tokenize";

    public static string TokensPartPath(string outputDir, int index) => Path.Combine(outputDir, BuildLayout.TokensDir, PhaseTask.NameOf(index) + ".parquet");

    public async Task<TaskSummary> ExecuteAsync(PhaseTask task, CancellationToken ct)
    {
        var path = TokensPartPath(outputDir, task.Index);
        var rules = config.Stages.Select(s => new StageRules(s)).ToArray();
        var histograms = config.Stages.Select(_ => new StageHistogram()).ToArray();
        var validation = new long[config.Stages.Length * 2];
        var languages = new SortedDictionary<(string Language, string Source), (long Documents, long Tokens)>();
        var code = new SortedDictionary<string, (long Documents, long Tokens)>(StringComparer.Ordinal);
        long documents = 0, tokens = 0, chars = 0;
        var eot = tokenizer.EndOfTextId;
        await using (var writer = new ParquetPartWriter<TokenizedRow>(AtomicFile.TempPathOf(path), r => r.Tokens.Length * 4L + 256))
        {
            await Source.From(() => ParquetPartReader.ReadAsync<DocumentRow>(inputPart(task.Index), ct))
                .SelectAsync(parallelism, row => Task.Run(
                    () =>
                    {
                        var ids = new List<int>(row.Text.Length / 3 + 1);
                        tokenizer.Encode(row.Text, ids);
                        ids.Add(eot);
                        var tokenized = new TokenizedRow
                        {
                            Id = row.Id,
                            Language = row.Language ?? "und_Zzzz",
                            Domain = DocumentDomain.Of(row),
                            Source = row.SourceKind,
                            EduScore = row.Scores.TryGetValue("edu_score", out var edu) ? edu : null,
                            Tokens = [.. ids],
                        };
                        return (Row: tokenized, Chars: row.Text.Length, Code: row.Labels.GetValueOrDefault("programming_language"));
                    },
                    ct))
                .SelectAsync(1, async doc =>
                {
                    await writer.AddAsync(doc.Row, ct).ConfigureAwait(false);
                    Count(doc.Row, rules, histograms, validation);
                    var key = (doc.Row.Language, doc.Row.Source);
                    languages.TryGetValue(key, out var sum);
                    languages[key] = (sum.Documents + 1, sum.Tokens + doc.Row.Tokens.Length);
                    if (doc.Code is { Length: > 0 } programming)
                    {
                        code.TryGetValue(programming, out var codeSum);
                        code[programming] = (codeSum.Documents + 1, codeSum.Tokens + doc.Row.Tokens.Length);
                    }

                    documents++;
                    tokens += doc.Row.Tokens.Length;
                    chars += doc.Chars;
                    return NotUsed.Instance;
                })
                .RunWith(Sink.Ignore<NotUsed>(), materializer)
                .ConfigureAwait(false);
            await writer.CompleteAsync(ct).ConfigureAwait(false);
        }

        AtomicFile.Commit(AtomicFile.TempPathOf(path), path);
        var stages = config.Stages.Select((s, i) => new StageCounts(s.Name, histograms[i].ToEntries(), validation[2 * i], validation[2 * i + 1])).ToArray();
        var corpus = languages.Select(l => new LanguageSourceCount(l.Key.Language, l.Key.Source, l.Value.Documents, l.Value.Tokens)).ToArray();
        var programming = code.Select(c => new LabelCount(c.Key, c.Value.Documents, c.Value.Tokens)).ToArray();
        ledger.Commit(Phase, task.Index, new TokenizeLedgerEntry(documents, tokens, stages, corpus, programming));
        return new TaskSummary(documents, 0, tokens, chars);
    }

    private void Count(TokenizedRow row, StageRules[] rules, StageHistogram[] histograms, long[] validation)
    {
        var held = MixingHash.IsValidation(config.Seed, row.Id, config.Shards.ValidationShare);
        var document = StageDocumentOf(row);
        for (var i = 0; i < rules.Length; i++)
        {
            if (!rules[i].IsEligible(document))
            {
                continue;
            }

            if (held)
            {
                validation[2 * i]++;
                validation[2 * i + 1] += document.Tokens;
            }
            else
            {
                histograms[i].Add(rules[i].CellOf(document), MixingHash.Bucket(MixingHash.Draw(config.Seed, rules[i].Plan.Name, row.Id)), 1, document.Tokens);
            }
        }
    }

    public static StageDocument StageDocumentOf(TokenizedRow row) =>
        new(row.Id, row.Language, row.Domain, row.Source, row.Tokens.Length, row.EduScore);
}

/// <summary>What the ledger keeps of a committed tokenize task.</summary>
/// <param name="Documents">Documents tokenized.</param>
/// <param name="Tokens">Their tokens.</param>
/// <param name="Stages">Each stage's histogram and validation counts.</param>
/// <param name="Corpus">Documents and tokens per language and source.</param>
/// <param name="ProgrammingLanguages">Documents and tokens per <c>programming_language</c> label; null in a ledger written before the field was.</param>
internal sealed record TokenizeLedgerEntry(long Documents, long Tokens, IReadOnlyList<StageCounts> Stages, IReadOnlyList<LanguageSourceCount> Corpus, IReadOnlyList<LabelCount>? ProgrammingLanguages = null);

/// <summary>Kept documents and tokens of one language from one source, before mixing.</summary>
internal sealed record LanguageSourceCount(string Language, string Source, long Documents, long Tokens);

/// <summary>Documents and tokens of one value of a document label.</summary>
internal sealed record LabelCount(string Label, long Documents, long Tokens);

/// <summary>One stage's counts in one task: eligible training documents by cell and bucket, and eligible held-out ones.</summary>
internal sealed record StageCounts(string Stage, IReadOnlyList<StageHistogramEntry> Histogram, long ValidationDocuments, long ValidationTokens);
