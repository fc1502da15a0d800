using Corpus.Core.Configuration;
using Corpus.Dedup;
using Corpus.Pipeline.Execution;

namespace Corpus.Pipeline.Phases;

/// <summary>
/// What the dedup phases pass each other under <c>dedup/.work/</c>: one signed part folder per
/// filtered part (<c>sign-NNNNN/</c>, from dedup-sign) and one edges file per band task
/// (<c>edges-NNNNN.bin</c>, from dedup-bands). The dedup phase reads them and deletes the folder.
/// </summary>
internal static class DedupWork
{
    public static string Dir(string outputDir) => Path.Combine(outputDir, BuildLayout.DedupDir, ".work");

    public static string SignedPart(string outputDir, int part) => Path.Combine(Dir(outputDir), "sign-" + part.ToString("D5", System.Globalization.CultureInfo.InvariantCulture));

    public static string Edges(string outputDir, int task) => Path.Combine(Dir(outputDir), "edges-" + task.ToString("D5", System.Globalization.CultureInfo.InvariantCulture) + ".bin");

    /// <summary>The dedup-bands tasks of a build: one per band when fuzzy, none otherwise; from the config only, never the worker count.</summary>
    public static int BandTasks(DedupConfig config) => config.Fuzzy ? config.Bands : 0;

    /// <summary>The bands task <paramref name="task"/> of <paramref name="tasks"/> covers: contiguous, as even as can be.</summary>
    public static (int First, int Count) BandsOf(int task, int tasks, int bands)
    {
        int first = (int)((long)task * bands / tasks);
        int end = (int)((long)(task + 1) * bands / tasks);
        return (first, end - first);
    }

    public static DedupOptions Options(DedupConfig config, int parallelism, string? tempDirectory = null) => new()
    {
        Fuzzy = config.Fuzzy,
        Bands = config.Bands,
        RowsPerBand = config.RowsPerBand,
        MinSimilarity = config.MinSimilarity,
        MaxDegreeOfParallelism = Math.Max(1, parallelism),
        TempDirectory = tempDirectory,
    };
}
