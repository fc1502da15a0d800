namespace Corpus.Bench.Cluster;

/// <summary>How one build is run: in one process (<see cref="WorkerProcesses"/> 0) or as a cluster of a coordinator and worker processes.</summary>
internal sealed record BuildSetup(string Name, int WorkerProcesses, int Workers)
{
    public bool IsCluster => WorkerProcesses > 0;
}
