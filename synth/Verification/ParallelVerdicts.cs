using Corpus.Synth.Sandbox;

namespace Corpus.Synth.Verification;

/// <summary>Runs one check per candidate, a bounded number at once, and turns a check's own failure into a rejection.</summary>
internal static class ParallelVerdicts
{
    public static async Task<IReadOnlyList<SynthVerdict>> RunAsync(int count, int degree, Func<int, CancellationToken, Task<SynthVerdict>> verify, CancellationToken ct)
    {
        var verdicts = new SynthVerdict[count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, degree), CancellationToken = ct };
        await Parallel.ForEachAsync(Enumerable.Range(0, count), options, async (i, token) =>
        {
            try
            {
                verdicts[i] = await verify(i, token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not (OperationCanceledException or SandboxUnavailableException))
            {
                verdicts[i] = new SynthVerdict(false, $"verifier error: {e.GetType().Name}: {e.Message}");
            }
        }).ConfigureAwait(false);
        return verdicts;
    }
}
