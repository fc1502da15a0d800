using Corpus.Core.Configuration;
using Corpus.Pipeline.Execution;
using Corpus.Shards.Manifests;
using Corpus.Tokenizer;

namespace Corpus.Pipeline.Phases;

/// <summary>
/// Writes <c>manifest.json</c> from the shards phase's ledger once every task committed: the files
/// of all tasks in task order, per stage and split, written by temp-file-and-rename.
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

        var manifest = builder.Build();
        AtomicFile.WriteAllBytes(Path.Combine(outputDir, BuildLayout.ManifestFile), ManifestWriter.ToUtf8Bytes(manifest));
        return manifest;
    }
}
