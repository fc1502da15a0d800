using Corpus.Filters.Decontamination;
using Corpus.Dedup;
using Corpus.Synth.Generation;

namespace Corpus.Pipeline.Synth;

/// <summary>
/// What happens to verified samples before they are written, as to the corpus's documents:
/// decontamination (a run of n words shared with an evaluation set rejects the sample, as the filter
/// phase does) and MinHash deduplication of the samples' text (prompt, thinking and answer; the keeper of a
/// cluster is the smallest id, so the result does not depend on order). Rejected samples pass
/// through unchanged; a sample removed here becomes rejected with the reason.
/// </summary>
internal static class SynthScreen
{
    public static IReadOnlyList<SynthSample> Apply(IReadOnlyList<SynthSample> samples, Decontaminator? decontaminator, DedupOptions? dedup, CancellationToken ct)
    {
        var screened = samples.ToArray();
        if (decontaminator is not null)
        {
            for (int i = 0; i < screened.Length; i++)
            {
                var s = screened[i];
                if (!s.Accepted)
                {
                    continue;
                }

                var sets = decontaminator.Check(s.Prompt + "\n" + s.Thinking + "\n" + s.Answer);
                if (sets.Length > 0)
                {
                    screened[i] = s with { Accepted = false, Reason = $"contaminated: shares a run of words with {string.Join(", ", sets)} (verifier: {s.Reason})" };
                }
            }
        }

        if (dedup is not null)
        {
            var accepted = screened.Where(s => s.Accepted).ToList();
            if (accepted.Count > 1)
            {
                var result = Deduplicator.Run(accepted.Select(s => new DedupDocument(s.Id, Solution(s))), dedup, ct);
                var removed = result.Decisions.Where(d => !d.Kept).ToDictionary(d => d.Id, StringComparer.Ordinal);
                for (int i = 0; i < screened.Length; i++)
                {
                    if (screened[i].Accepted && removed.TryGetValue(screened[i].Id, out var decision))
                    {
                        var kind = decision.Reason == DedupReason.ExactDuplicate ? "exact" : "near";
                        screened[i] = screened[i] with { Accepted = false, Reason = $"duplicate: {kind} duplicate of {decision.ClusterId}" };
                    }
                }
            }
        }

        return screened;
    }

    /// <summary>The text a sample adds to the corpus (different problems with the same short answer are not duplicates).</summary>
    private static string Solution(SynthSample s) => s.Prompt + "\n" + (string.IsNullOrEmpty(s.Thinking) ? s.Answer : s.Thinking + "\n" + s.Answer);
}
