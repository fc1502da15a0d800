using Corpus.Core.Configuration;

namespace Corpus.Pipeline.Build;

/// <summary>One build to run: where from, where to, with what config, and run options that do not change the output.</summary>
/// <param name="InputDir">Folder of local documents (.txt, .md, .html, and WARC/WET files); ignored for <see cref="Sample"/>.</param>
/// <param name="OutputDir">Folder the build writes; a matching unfinished build there is resumed.</param>
/// <param name="Config">What decides the output.</param>
/// <param name="Workers">Worker actors per phase; the output is the same for any count.</param>
/// <param name="Force">Start over when the output folder holds a build of another config or input.</param>
public sealed record BuildRequest(string InputDir, string OutputDir, BuildConfig Config, int Workers = 1, bool Force = false)
{
    /// <summary>
    /// Build from the bundled sample site instead of <see cref="InputDir"/>: serve it on 127.0.0.1,
    /// crawl it into <c>warc/</c> under the output folder, and build from those WARC files.
    /// </summary>
    public bool Sample { get; init; }

    /// <summary>
    /// Run as a node of a cluster build (Akka.Cluster) instead of alone: the coordinator plans the
    /// build and hands out tasks, workers on any node pull them. Null: one process does it all.
    /// </summary>
    public Cluster.ClusterOptions? Cluster { get; init; }

    /// <summary>How many attempts a task gets before the build fails.</summary>
    public int MaxAttempts { get; init; } = 3;
}
