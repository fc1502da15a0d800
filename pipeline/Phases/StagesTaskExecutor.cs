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

    public async Task<TaskSummary> ExecuteAsync(PhaseTask task, CancellationToken ct)
    {
        var selection = new StageSelection(config, mixes);
        var megatron = config.Shards.Formats.Contains("megatron");
        var writers = new StageSplitWriter[config.Stages.Length, 2];
        var staging = new string[config.Stages.Length];
        for (var s = 0; s < config.Stages.Length; s++)
        {
            staging[s] = Path.Combine(outputDir, BuildLayout.ShardsDir, config.Stages[s].Name, StagingPrefix + task.Name + "." + AtomicFile.ProcessTag);
            if (Directory.Exists(staging[s]))
            {
                Directory.Delete(staging[s], recursive: true);
            }

            for (var split = 0; split < 2; split++)
            {
                writers[s, split] = new StageSplitWriter(Path.Combine(staging[s], StageSelection.Splits[split]), task.Name, endOfTextId, config.Shards.MaxShardBytes, megatron);
            }
        }

        long documents = 0, tokens = 0;
        var outputs = new List<StageTaskOutput>();
        try
        {
            await foreach (var row in TokenizedPartReader.ReadAsync(TokenizeTaskExecutor.TokensPartPath(outputDir, task.Index), ct).ConfigureAwait(false))
            {
                var held = selection.IsHeldOut(row);
                var shard = new ShardDocument(row.Id, row.Language, row.Source, row.Domain, row.Tokens);
                for (var s = 0; s < selection.StageCount; s++)
                {
                    var split = held ? StageSelection.Valid : StageSelection.Train;
                    var copies = selection.Copies(row, held, s, split, out var eligible);
                    if (!eligible)
                    {
                        continue;
                    }

                    var stats = writers[s, split].Stats;
                    if (copies == 0 && !held)
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
                        await writers[s, split].AddAsync(shard, ct).ConfigureAwait(false);
                    }
                }

                documents++;
                tokens += row.Tokens.Length;
            }

            for (var s = 0; s < selection.StageCount; s++)
            {
                for (var split = 0; split < 2; split++)
                {
                    var files = await writers[s, split].CompleteAsync(ct).ConfigureAwait(false);
                    outputs.Add(new StageTaskOutput(config.Stages[s].Name, StageSelection.Splits[split], [.. files], writers[s, split].Stats));
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
            var from = Path.Combine(stageDir, StagingPrefix + task.Name + "." + AtomicFile.ProcessTag, output.Split);
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
