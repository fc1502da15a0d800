using System.Collections.Immutable;
using Corpus.Core.Configuration;
using Corpus.Pipeline.Execution;
using Corpus.Pipeline.Storage;
using Corpus.Shards;
using Corpus.Shards.Mixing;

namespace Corpus.Pipeline.Phases;

/// <summary>
/// The shards phase: task <c>i</c> reads <c>tokens/part-i.parquet</c> once and, for every stage,
/// gives each document the copies its <see cref="StageMix"/> decides (held-out documents go to the
/// stage's <c>valid/</c> split once), writing <c>shards/&lt;stage&gt;/{train,valid}/part-i-RRRR.*</c>
/// through staging folders moved into place when the task completes.
/// </summary>
internal sealed class StagesTaskExecutor(string outputDir, BuildConfig config, IReadOnlyList<StageMix> mixes, int endOfTextId, TaskLedger ledger) : ITaskExecutor
{
    public const string Phase = "shards";

    /// <summary>Staging folders start with this; leftovers of killed attempts are removed at start.</summary>
    public const string StagingPrefix = ".staging-";

    public static readonly string[] Splits = ["train", "valid"];

    public async Task<TaskSummary> ExecuteAsync(PhaseTask task, CancellationToken ct)
    {
        var rules = config.Stages.Select(s => new StageRules(s)).ToArray();
        var megatron = config.Shards.Formats.Contains("megatron");
        var packed = config.Shards.Formats.Contains("parquet");
        var writers = new StageSplitWriter[config.Stages.Length, 2];
        var staging = new string[config.Stages.Length];
        for (var s = 0; s < config.Stages.Length; s++)
        {
            staging[s] = Path.Combine(outputDir, BuildLayout.ShardsDir, config.Stages[s].Name, StagingPrefix + task.Name);
            if (Directory.Exists(staging[s]))
            {
                Directory.Delete(staging[s], recursive: true);
            }

            for (var split = 0; split < 2; split++)
            {
                var stage = config.Stages[s];
                var options = new StageSplitOptions(stage.Name, Splits[split], config.Seed, stage.ContextLength, endOfTextId, config.Shards.MaxShardBytes, config.Shards.PackingWindowTokens, megatron, packed);
                writers[s, split] = new StageSplitWriter(Path.Combine(staging[s], Splits[split]), task.Name, options);
            }
        }

        long documents = 0, tokens = 0;
        var outputs = new List<StageTaskOutput>();
        try
        {
            await foreach (var row in ParquetPartReader.ReadAsync<TokenizedRow>(TokenizeTaskExecutor.TokensPartPath(outputDir, task.Index), ct).ConfigureAwait(false))
            {
                var document = TokenizeTaskExecutor.StageDocumentOf(row);
                var held = MixingHash.IsValidation(config.Seed, row.Id, config.Shards.ValidationShare);
                var shard = new ShardDocument(row.Id, row.Language, row.Source, row.Domain, row.Tokens);
                for (var s = 0; s < rules.Length; s++)
                {
                    if (!rules[s].IsEligible(document))
                    {
                        continue;
                    }

                    var cell = rules[s].CellOf(document);
                    var bucket = MixingHash.Bucket(MixingHash.Draw(config.Seed, rules[s].Plan.Name, row.Id));
                    if (held)
                    {
                        if (mixes[s].TakesValidation(cell, bucket))
                        {
                            await writers[s, 1].AddAsync(shard, ct).ConfigureAwait(false);
                        }

                        continue;
                    }

                    var copies = mixes[s].Copies(cell, bucket);
                    var stats = writers[s, 0].Stats;
                    if (copies == 0)
                    {
                        stats.DownsampledDocuments++;
                        stats.DownsampledTokens += row.Tokens.Length;
                    }
                    else if (copies > 1)
                    {
                        stats.UpsampledDocuments++;
                        stats.UpsampledTokens += (copies - 1L) * row.Tokens.Length;
                    }

                    for (var c = 0; c < copies; c++)
                    {
                        await writers[s, 0].AddAsync(shard, ct).ConfigureAwait(false);
                    }
                }

                documents++;
                tokens += row.Tokens.Length;
            }

            for (var s = 0; s < rules.Length; s++)
            {
                for (var split = 0; split < 2; split++)
                {
                    var files = await writers[s, split].CompleteAsync(ct).ConfigureAwait(false);
                    outputs.Add(new StageTaskOutput(config.Stages[s].Name, Splits[split], [.. files], writers[s, split].Stats));
                }
            }
        }
        finally
        {
            foreach (var w in writers)
            {
                await w.DisposeAsync().ConfigureAwait(false);
            }
        }

        foreach (var output in outputs)
        {
            var stageDir = Path.Combine(outputDir, BuildLayout.ShardsDir, output.Stage);
            var from = Path.Combine(stageDir, StagingPrefix + task.Name, output.Split);
            var to = Path.Combine(stageDir, output.Split);
            Directory.CreateDirectory(to);
            foreach (var f in output.Files)
            {
                AtomicFile.Commit(Path.Combine(from, f.Path), Path.Combine(to, f.Path));
            }
        }

        foreach (var dir in staging)
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }

        ledger.Commit(Phase, task.Index, new StagesLedgerEntry(outputs));
        return new TaskSummary(documents, 0, tokens, 0);
    }
}

/// <summary>What the ledger keeps of a committed shards task.</summary>
internal sealed record StagesLedgerEntry(IReadOnlyList<StageTaskOutput> Outputs);

/// <summary>The files one task wrote into one stage split (names relative to <c>shards/&lt;stage&gt;/&lt;split&gt;/</c>) and its stats.</summary>
internal sealed record StageTaskOutput(string Stage, string Split, ImmutableArray<ShardFile> Files, StageSplitStats Stats);
