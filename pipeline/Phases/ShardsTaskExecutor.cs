using System.Collections.Immutable;
using Akka;
using Akka.Streams;
using Akka.Streams.Dsl;
using Corpus.Core.Configuration;
using Corpus.Pipeline.Execution;
using Corpus.Pipeline.Storage;
using Corpus.Shards;
using Corpus.Tokenizer;

namespace Corpus.Pipeline.Phases;

/// <summary>
/// The shards phase: task <c>i</c> tokenizes the documents of <c>docs/part-i.parquet</c> in order,
/// appends <c>&lt;|endoftext|&gt;</c> to each, and writes <c>shards/&lt;stage&gt;/part-i-NNNN.*</c>
/// through a staging folder that is moved into place when the task completes. Inside a task the
/// documents are an Akka.Streams flow: tokenized in parallel, written in their order.
/// </summary>
internal sealed class ShardsTaskExecutor(string outputDir, BuildConfig config, QwenTokenizer tokenizer, TaskLedger ledger, IMaterializer materializer, int parallelism) : ITaskExecutor
{
    public const string Phase = "shards";

    /// <summary>Staging folders start with this; leftovers of killed attempts are removed at start.</summary>
    public const string StagingPrefix = ".staging-";

    public const string UnknownDomain = "unknown";

    public async Task<TaskSummary> ExecuteAsync(PhaseTask task, CancellationToken ct)
    {
        var stageDir = Path.Combine(outputDir, BuildLayout.ShardsDir, config.Stages[0].Name);
        var staging = Path.Combine(stageDir, StagingPrefix + task.Name);
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        var formats = ShardFormats.None;
        if (config.Shards.Formats.Contains("megatron"))
        {
            formats |= ShardFormats.Megatron;
        }

        if (config.Shards.Formats.Contains("parquet"))
        {
            formats |= ShardFormats.Parquet;
        }

        var options = new ShardSetOptions
        {
            OutputDirectory = staging,
            BaseName = task.Name,
            EndOfTextId = tokenizer.EndOfTextId,
            MaxShardBytes = config.Shards.MaxShardBytes,
            Formats = formats,
        };

        IReadOnlyList<ShardFile> files;
        long documents = 0, tokens = 0, chars = 0;
        await using (var writer = ShardSetWriter.Create(options))
        {
            // Documents flow in order through a stream: tokenized `parallelism` at a time on the
            // thread pool (SelectAsync keeps their order), then written one by one.
            var docsPath = config.Dedup.Enabled ? DedupTaskExecutor.KeptPartPath(outputDir, task.Index)
                : config.Filters.Enabled ? FilterTaskExecutor.FilteredPartPath(outputDir, task.Index)
                : IngestTaskExecutor.DocsPartPath(outputDir, task.Index);
            var eot = tokenizer.EndOfTextId;
            await Source.From(() => ParquetPartReader.ReadAsync<DocumentRow>(docsPath, ct))
                .SelectAsync(parallelism, row => Task.Run(
                    () =>
                    {
                        var ids = new List<int>(row.Text.Length / 3 + 1);
                        tokenizer.Encode(row.Text, ids);
                        ids.Add(eot);
                        return (Row: row, Tokens: ids.ToArray());
                    },
                    ct))
                .SelectAsync(1, async doc =>
                {
                    await writer.AddAsync(new ShardDocument(doc.Row.Id, doc.Row.Language ?? "und_Zzzz", doc.Row.SourceKind, UnknownDomain, doc.Tokens), ct).ConfigureAwait(false);
                    documents++;
                    tokens += doc.Tokens.Length;
                    chars += doc.Row.Text.Length;
                    return NotUsed.Instance;
                })
                .RunWith(Sink.Ignore<NotUsed>(), materializer)
                .ConfigureAwait(false);

            files = await writer.CompleteAsync(ct).ConfigureAwait(false);
        }

        Directory.CreateDirectory(stageDir);
        var entries = ImmutableArray.CreateBuilder<ShardFile>(files.Count);
        foreach (var f in files)
        {
            AtomicFile.Commit(Path.Combine(staging, f.Path), Path.Combine(stageDir, f.Path));
            entries.Add(f);
        }

        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        ledger.Commit(Phase, task.Index, new ShardsLedgerEntry(documents, tokens, entries.ToImmutable()));
        return new TaskSummary(documents, 0, tokens, chars);
    }
}

/// <summary>What the ledger keeps of a committed shards task: the files it wrote, names relative to the stage folder.</summary>
internal sealed record ShardsLedgerEntry(long Documents, long Tokens, ImmutableArray<ShardFile> Files);
