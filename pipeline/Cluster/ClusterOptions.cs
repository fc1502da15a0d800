namespace Corpus.Pipeline.Cluster;

/// <summary>The role a process takes in a cluster build.</summary>
public enum ClusterRole
{
    /// <summary>Plans the build and hands out its tasks (the dispatcher runs here as a cluster singleton).</summary>
    Coordinator,

    /// <summary>Pulls tasks from the coordinator and runs them.</summary>
    Worker,
}

/// <summary>
/// How a process joins a cluster build over Akka.Cluster. Every process shares the output folder
/// (a shared filesystem when the nodes are separate machines).
/// </summary>
/// <param name="Role">Coordinator or worker.</param>
/// <param name="Host">The address this node listens on and is reached at by the others.</param>
/// <param name="Port">The port this node listens on; 0 picks a free one (fine for workers).</param>
/// <param name="SeedNodes">Nodes to join through, as <c>host:port</c>; empty for a coordinator that starts the cluster itself.</param>
public sealed record ClusterOptions(ClusterRole Role, string Host, int Port, IReadOnlyList<string> SeedNodes)
{
    /// <summary>Worker nodes the coordinator waits for before it starts (the sample crawl spreads its hosts over those up then).</summary>
    public int MinWorkers { get; init; } = 1;

    /// <summary>How long a node tries to join before it gives up with an error.</summary>
    public TimeSpan JoinTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long a node may stay silent before it counts as lost and its tasks go to the others
    /// (failure detection plus the split-brain resolver's wait).
    /// </summary>
    public TimeSpan LostAfter { get; init; } = TimeSpan.FromSeconds(30);
}
