using System.Collections.Immutable;
using Corpus.Core.Configuration;
using Corpus.Pipeline.Execution;
using Corpus.Pipeline.Storage;
using Corpus.Shards;
using Corpus.Shards.Mixing;

namespace Corpus.Pipeline.Phases;

/// <summary>
/// The pack phase: one task per stage. It streams every <c>tokens/</c> part once, in order, gives
/// each document the copies <see cref="StageSelection"/> decides in its split (a held-out document
/// goes to <c>valid</c>, the others to <c>train</c>), and packs and globally shuffles each split
/// (<see cref="SplitPacking"/>) into <c>shards/&lt;stage&gt;/&lt;split&gt;/packed-KKKKK.packed.parquet</c>.
/// </summary>
internal sealed class PackTaskExecutor(string outputDir, BuildConfig config, IReadOnlyList<StageMix> mixes, int endOfTextId, int parts, TaskLedger ledger) : ITaskExecutor
{
    public const string Phase = "pack";

    public static int TaskCount(BuildConfig config) => config.Stages.Length;

    public async Task<TaskSummary> ExecuteAsync(PhaseTask task, CancellationToken ct)
    {
        var stage = task.Index;
        var plan = config.Stages[stage];
        var stageDir = Path.Combine(outputDir, BuildLayout.ShardsDir, plan.Name);
        var staging = Path.Combine(stageDir, StagesTaskExecutor.StagingPrefix + "pack." + AtomicFile.ProcessTag);
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        var selection = new StageSelection(config, mixes);
        var expected = new[]
        {
            mixes[stage].SelectedTokens,
            (long)(mixes[stage].EligibleTokens * config.Shards.ValidationShare * 2) + plan.ContextLength,
        };
        var splits = new SplitPacking[2];
        for (var split = 0; split < 2; split++)
        {
            splits[split] = new SplitPacking(
                Path.Combine(staging, StageSelection.Splits[split]), plan.Name, StageSelection.Splits[split], config.Seed,
                plan.ContextLength, endOfTextId, config.Shards.PackingWindowTokens, expected[split], config.Shards.MaxShardBytes);
        }

        var entries = new List<PackLedgerEntry>();
        try
        {
            for (var part = 0; part < parts; part++)
            {
                await foreach (var row in TokenizedPartReader.ReadAsync(TokenizeTaskExecutor.TokensPartPath(outputDir, part), ct).ConfigureAwait(false))
                {
                    var held = selection.IsHeldOut(row);
                    var split = held ? StageSelection.Valid : StageSelection.Train;
                    var copies = selection.Copies(row, held, stage, split, out _);
                    splits[split].Add(row, copies);
                }
            }

            // The Megatron shards carry the manifest's token counts when they are written; otherwise the packed files do.
            var withCounts = !config.Shards.Formats.Contains("megatron");
            for (var split = 0; split < 2; split++)
            {
                var files = await splits[split].CompleteAsync(withCounts, ct).ConfigureAwait(false);
                var stats = splits[split].Stats;
                entries.Add(new PackLedgerEntry(plan.Name, StageSelection.Splits[split], files, stats.Sequences, stats.PaddingTokens, stats.DocumentsTruncated));
            }
        }
        finally
        {
            foreach (var s in splits)
            {
                s.Dispose();
            }
        }

        foreach (var entry in entries)
        {
            var outDir = Path.Combine(stageDir, entry.Split);
            Directory.CreateDirectory(outDir);
            foreach (var f in entry.Files)
            {
                AtomicFile.Commit(Path.Combine(staging, entry.Split, f.Path), Path.Combine(outDir, f.Path));
            }
        }

        Directory.Delete(staging, recursive: true);
        ledger.Commit(Phase, task.Index, new PackTaskLedgerEntry(entries));
        return new TaskSummary(splits.Sum(s => s.Documents), 0, splits.Sum(s => s.Tokens), 0);
    }
}

/// <summary>What the ledger keeps of a committed pack task: each split's files and packing figures.</summary>
internal sealed record PackTaskLedgerEntry(IReadOnlyList<PackLedgerEntry> Splits);

/// <summary>One split of a pack task: its files (names relative to <c>shards/&lt;stage&gt;/&lt;split&gt;/</c>) and packing figures.</summary>
internal sealed record PackLedgerEntry(string Stage, string Split, ImmutableArray<ShardFile> Files, long Sequences, long PaddingTokens, long TruncatedDocuments);
