namespace Corpus.Bench.Cluster;

/// <summary>A build that exited non-zero or ran out of time: what it said last.</summary>
internal sealed class BuildFailedException(string message) : Exception(message);
