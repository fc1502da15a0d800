using Corpus.Filters.Decontamination;
using Corpus.Dedup;
using Corpus.Synth.Engines;
using Corpus.Synth.Generation;
using Corpus.Synth.Recipes;
using Corpus.Synth.Verification;

namespace Corpus.Pipeline.Synth;

/// <summary>
/// <c>corpus synth</c>: the generation loop (<see cref="SynthGenerator"/>), then decontamination and
/// MinHash dedup of the accepted samples (<see cref="SynthScreen"/>), then the output files. Every
/// sample is written: accepted ones to Parquet, the others with their reason to JSONL.
/// </summary>
public static class SynthRunner
{
    /// <summary>Generates, verifies, screens and writes.</summary>
    /// <exception cref="FileNotFoundException">An evaluation set is missing.</exception>
    public static async Task<SynthRunResult> RunAsync(
        IChatEngine engine,
        ISynthRecipe recipe,
        ISynthVerifier verifier,
        SynthGeneratorOptions generation,
        SynthRunOptions output,
        IProgress<SynthProgress>? progress = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfLessThan(output.RowsPerPart, 1);
        var decontaminator = LoadEvalSets(output);
        var samples = await SynthGenerator.RunAsync(engine, recipe, verifier, generation, progress, ct).ConfigureAwait(false);
        var screened = SynthScreen.Apply(samples, decontaminator, output.Dedup ? new DedupOptions() : null, ct);
        var (parts, rejects) = await SynthOutput.WriteAsync(output.Output, screened, output.RowsPerPart, ct).ConfigureAwait(false);
        var by = screened.Where(s => !s.Accepted)
            .GroupBy(s => Cause(s.Reason))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new SynthRunResult(screened.Count(s => s.Accepted), screened.Count(s => !s.Accepted), by, parts, rejects);
    }

    internal static string Cause(string reason) =>
        reason.StartsWith("engine failed:", StringComparison.Ordinal) ? "engine"
        : reason.StartsWith("problem not written:", StringComparison.Ordinal) ? "problem"
        : reason.StartsWith("contaminated:", StringComparison.Ordinal) ? "contaminated"
        : reason.StartsWith("duplicate:", StringComparison.Ordinal) ? "duplicate"
        : "verifier";

    private static Decontaminator? LoadEvalSets(SynthRunOptions output)
    {
        if (output.EvalSets.Count == 0)
        {
            return null;
        }

        foreach (var path in output.EvalSets)
        {
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"no evaluation set at {path}", path);
            }
        }

        // Named as the filter phase names them: folder/file, e.g. gsm8k/test.
        return Decontaminator.Create(
            output.EvalSets.Select(p => new EvalSet(Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(p))) + "/" + Path.GetFileNameWithoutExtension(p), p)),
            new DecontaminationOptions { NGram = output.DecontaminationNGram });
    }
}
