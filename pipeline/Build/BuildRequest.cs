using Corpus.Core.Configuration;

namespace Corpus.Pipeline.Build;

/// <summary>One build to run: where from, where to, with what config, and run options that do not change the output.</summary>
/// <param name="InputDir">Folder of local documents (the <c>files</c> source).</param>
/// <param name="OutputDir">Folder the build writes; a matching unfinished build there is resumed.</param>
/// <param name="Config">What decides the output.</param>
/// <param name="Workers">Worker actors per phase; the output is the same for any count.</param>
/// <param name="Force">Start over when the output folder holds a build of another config or input.</param>
public sealed record BuildRequest(string InputDir, string OutputDir, BuildConfig Config, int Workers = 1, bool Force = false)
{
    /// <summary>How many attempts a task gets before the build fails.</summary>
    public int MaxAttempts { get; init; } = 3;
}
