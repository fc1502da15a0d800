using Corpus.Core.Configuration;
using Corpus.Pipeline.Execution;
using Corpus.Shards.Manifests;
using Corpus.Tokenizer;

namespace Corpus.Pipeline.Phases;

/// <summary>
/// Writes <c>manifest.json</c> from the shards phase's ledger once every task committed: the files
/// of all shards and pack tasks, per stage and split, written by temp-file-and-rename.
/// </summary>
internal static class ManifestStep
{
    public static Manifest Write(string outputDir, BuildConfig config, QwenTokenizer tokenizer, TaskLedger ledger, int taskCount)
    {
        var builder = new ManifestBuilder(BuildConfigLoader.Hash(config), tokenizer.Sha256, config.Seed, tokenizer.EndOfTextId);
        for (var i = 0; i < taskCount; i++)
        {
            var entry = ledger.Read<StagesLedgerEntry>(StagesTaskExecutor.Phase, i);
            foreach (var output in entry.Outputs)
            {
                builder.AddShards(output.Stage, $"{BuildLayout.ShardsDir}/{output.Stage}/{output.Split}", output.Files, output.Split);
            }
        }

        if (config.Shards.Formats.Contains("parquet"))
        {
            for (var t = 0; t < PackTaskExecutor.TaskCount(config); t++)
            {
                foreach (var entry in ledger.Read<PackTaskLedgerEntry>(PackTaskExecutor.Phase, t).Splits)
                {
                    builder.AddShards(entry.Stage, $"{BuildLayout.ShardsDir}/{entry.Stage}/{entry.Split}", entry.Files, entry.Split);
                }
            }
        }

        var manifest = builder.Build();
        AtomicFile.WriteAllBytes(Path.Combine(outputDir, BuildLayout.ManifestFile), ManifestWriter.ToUtf8Bytes(manifest));
        return manifest;
    }
}
