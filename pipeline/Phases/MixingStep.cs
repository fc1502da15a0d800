using Corpus.Core.Configuration;
using Corpus.Pipeline.Execution;
using Corpus.Shards.Mixing;

namespace Corpus.Pipeline.Phases;

/// <summary>
/// Decides every stage's mix from the tokenize phase's ledger: the tasks' histograms merged (by
/// addition, so task order does not matter) and planned by <see cref="MixturePlanner"/>. A pure
/// function of the ledger and the config, so a resumed build decides the same.
/// </summary>
internal static class MixingStep
{
    public static IReadOnlyList<StageMix> Plan(BuildConfig config, TaskLedger ledger, int taskCount)
    {
        var histograms = config.Stages.Select(_ => new StageHistogram()).ToArray();
        for (var i = 0; i < taskCount; i++)
        {
            var entry = ledger.Read<TokenizeLedgerEntry>(TokenizeTaskExecutor.Phase, i);
            for (var s = 0; s < config.Stages.Length; s++)
            {
                var counts = entry.Stages.Single(c => c.Stage == config.Stages[s].Name);
                histograms[s].AddRange(counts.Histogram);
            }
        }

        return [.. config.Stages.Select((plan, s) => MixturePlanner.Plan(plan, histograms[s]))];
    }
}
