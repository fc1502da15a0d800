using System.Collections.Immutable;
using System.Globalization;
using Corpus.Core.Configuration;
using Corpus.Pipeline.Execution;
using Corpus.Pipeline.Storage;
using Corpus.Shards;
using Corpus.Shards.Mixing;
using Corpus.Shards.Packing;

namespace Corpus.Pipeline.Phases;

/// <summary>
/// The pack phase: one task per stage and split. It streams every <c>tokens/</c> part in order,
/// takes the copies <see cref="StageSelection"/> gives, best-fit packs them into sequences of the
/// stage's context length (memory bounded by <c>shards.packing_window_tokens</c>), and shuffles the
/// sequences globally with bounded memory: each sequence goes to one of K scatter files by a
/// seeded draw of its position, then each scatter file is read back, ordered by a second seeded
/// draw and written as <c>shards/&lt;stage&gt;/&lt;split&gt;/packed-KKKKK.packed.parquet</c>. K is
/// chosen so a scatter file holds about <c>shards.max_shard_bytes</c>.
/// </summary>
internal sealed class PackTaskExecutor(string outputDir, BuildConfig config, IReadOnlyList<StageMix> mixes, int endOfTextId, int parts, TaskLedger ledger) : ITaskExecutor
{
    public const string Phase = "pack";

    /// <summary>The most the scatter files of one task buffer together before writing a row group.</summary>
    private const long ScatterBufferBytes = 256L * 1024 * 1024;

    public static int TaskCount(BuildConfig config) => config.Stages.Length * 2;

    public async Task<TaskSummary> ExecuteAsync(PhaseTask task, CancellationToken ct)
    {
        var stage = task.Index / 2;
        var split = task.Index % 2;
        var plan = config.Stages[stage];
        var splitName = StageSelection.Splits[split];
        var stageDir = Path.Combine(outputDir, BuildLayout.ShardsDir, plan.Name);
        var staging = Path.Combine(stageDir, StagesTaskExecutor.StagingPrefix + "pack-" + splitName);
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        Directory.CreateDirectory(staging);
        var selection = new StageSelection(config, mixes);
        var packer = new BestFitPacker(new PackingOptions { ContextLength = plan.ContextLength, PadId = endOfTextId, WindowTokens = Math.Max(plan.ContextLength, config.Shards.PackingWindowTokens) });
        var parquetOptions = new PackedParquetOptions { ContextLength = plan.ContextLength, PadId = endOfTextId };
        var scatterCount = ScatterCount(stage, split, plan.ContextLength);

        // Every scatter file buffers one row group: keep them together under ScatterBufferBytes.
        var scatterOptions = parquetOptions with { RowGroupSequences = (int)Math.Clamp(ScatterBufferBytes / scatterCount / (plan.ContextLength * 4L), 1, 512) };
        var scatter = new PackedParquetWriter?[scatterCount];
        var salt = $"{plan.Name}/{splitName}/shuffle";
        var counts = new SortedDictionary<(string Language, string Domain, string Source), (long Documents, long Tokens)>();
        long position = 0, documents = 0, tokens = 0;

        async ValueTask ScatterAsync(IReadOnlyList<PackedSequence> sequences)
        {
            foreach (var sequence in sequences)
            {
                var k = (int)(MixingHash.Draw(config.Seed, salt, position.ToString(CultureInfo.InvariantCulture)) % (ulong)scatterCount);
                position++;
                scatter[k] ??= await PackedParquetWriter.CreateAsync(Path.Combine(staging, ScatterName(k)), scatterOptions, ct).ConfigureAwait(false);
                await scatter[k]!.AddAsync(sequence, ct).ConfigureAwait(false);
            }
        }

        try
        {
            for (var part = 0; part < parts; part++)
            {
                await foreach (var row in ParquetPartReader.ReadAsync<TokenizedRow>(TokenizeTaskExecutor.TokensPartPath(outputDir, part), ct).ConfigureAwait(false))
                {
                    var copies = selection.Copies(row, selection.IsHeldOut(row), stage, split, out _);
                    for (var c = 0; c < copies; c++)
                    {
                        await ScatterAsync(packer.Add(new PackingDocument(row.Id, row.Language, row.Domain, row.Source, row.Tokens))).ConfigureAwait(false);
                        var key = (row.Language, row.Domain, row.Source);
                        counts.TryGetValue(key, out var sum);
                        counts[key] = (sum.Documents + 1, sum.Tokens + row.Tokens.Length);
                        documents++;
                        tokens += row.Tokens.Length;
                    }
                }
            }

            await ScatterAsync(packer.Complete()).ConfigureAwait(false);
            for (var k = 0; k < scatterCount; k++)
            {
                if (scatter[k] is { } writer)
                {
                    await writer.CompleteAsync(ct).ConfigureAwait(false);
                    await writer.DisposeAsync().ConfigureAwait(false);
                    scatter[k] = null;
                }
            }
        }
        finally
        {
            foreach (var writer in scatter)
            {
                if (writer is not null)
                {
                    await writer.DisposeAsync().ConfigureAwait(false);
                }
            }
        }

        // The Megatron shards carry the manifest's token counts when they are written; otherwise the packed files do.
        var megatron = config.Shards.Formats.Contains("megatron");
        var files = ImmutableArray.CreateBuilder<ShardFile>();
        var outDir = Path.Combine(stageDir, splitName);
        Directory.CreateDirectory(outDir);
        for (var k = 0; k < scatterCount; k++)
        {
            var scatterPath = Path.Combine(staging, ScatterName(k));
            if (!File.Exists(scatterPath))
            {
                continue;
            }

            var name = $"packed-{k:D5}.packed.parquet";
            var file = await GatherAsync(scatterPath, Path.Combine(staging, name), parquetOptions, $"{salt}/{k}", ct).ConfigureAwait(false);
            IReadOnlyList<ShardTokenCount> fileCounts = !megatron && files.Count == 0
                ? [.. counts.Select(c => new ShardTokenCount(c.Key.Language, c.Key.Domain, c.Key.Source, c.Value.Documents, c.Value.Tokens))]
                : [];
            files.Add(new ShardFile(name, name[..^".parquet".Length], file.Sha256, file.Bytes, file.Segments, file.Tokens, fileCounts));
        }

        foreach (var f in files)
        {
            AtomicFile.Commit(Path.Combine(staging, f.Path), Path.Combine(outDir, f.Path));
        }

        Directory.Delete(staging, recursive: true);
        var stats = packer.Stats;
        ledger.Commit(Phase, task.Index, new PackLedgerEntry(plan.Name, splitName, files.ToImmutable(), stats.Sequences, stats.PaddingTokens, stats.DocumentsTruncated));
        return new TaskSummary(documents, 0, tokens, 0);
    }

    /// <summary>Reads one scatter file, orders its sequences by a seeded draw of their place in it, and writes them.</summary>
    private async Task<PackedParquetFile> GatherAsync(string scatterPath, string outputPath, PackedParquetOptions options, string salt, CancellationToken ct)
    {
        var sequences = new List<PackedSequence>();
        await using (var reader = await PackedParquetReader.OpenAsync(scatterPath, ct).ConfigureAwait(false))
        {
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                sequences.AddRange(await reader.ReadRowGroupAsync(g, ct).ConfigureAwait(false));
            }
        }

        var order = Enumerable.Range(0, sequences.Count)
            .Select(i => (Index: i, Draw: MixingHash.Draw(config.Seed, salt, i.ToString(CultureInfo.InvariantCulture))))
            .OrderBy(x => x.Draw)
            .ThenBy(x => x.Index);
        await using var writer = await PackedParquetWriter.CreateAsync(outputPath, options, ct).ConfigureAwait(false);
        foreach (var (index, _) in order)
        {
            await writer.AddAsync(sequences[index], ct).ConfigureAwait(false);
        }

        return await writer.CompleteAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Scatter files for a stage split: its expected packed bytes over <c>shards.max_shard_bytes</c>, at least 1.</summary>
    private int ScatterCount(int stage, int split, int contextLength)
    {
        var expectedTokens = split == StageSelection.Train
            ? mixes[stage].SelectedTokens
            : (long)(mixes[stage].EligibleTokens * config.Shards.ValidationShare * 2) + contextLength;
        var bytes = (double)expectedTokens * 4 * 1.1;
        return (int)Math.Clamp(Math.Ceiling(bytes / config.Shards.MaxShardBytes), 1, 100_000);
    }

    private static string ScatterName(int k) => $"scatter-{k:D5}.parquet";
}

/// <summary>What the ledger keeps of a committed pack task: its files (names relative to <c>shards/&lt;stage&gt;/&lt;split&gt;/</c>) and packing figures.</summary>
internal sealed record PackLedgerEntry(string Stage, string Split, ImmutableArray<ShardFile> Files, long Sequences, long PaddingTokens, long TruncatedDocuments);
