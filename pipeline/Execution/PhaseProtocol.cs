namespace Corpus.Pipeline.Execution;

/// <summary>
/// Messages between the build's dispatcher and its workers (work pulling). They cross the network
/// in cluster mode, so they hold only plain data; <see cref="Cluster.ClusterMessageSerializer"/> writes them.
/// </summary>
internal interface IPhaseMessage;

/// <summary>A worker is idle and asks for a task; <paramref name="Worker"/> names it (<c>node/worker-N</c>).</summary>
internal sealed record RequestWork(string Worker) : IPhaseMessage;

/// <summary>The dispatcher hands a task to a worker.</summary>
internal sealed record AssignTask(PhaseTask Task, int Attempt) : IPhaseMessage;

/// <summary>The build is over; the worker may stop.</summary>
internal sealed record NoMoreWork : IPhaseMessage
{
    public static NoMoreWork Instance { get; } = new();

    private NoMoreWork()
    {
    }
}

/// <summary>A worker committed a task.</summary>
internal sealed record TaskSucceeded(PhaseTask Task, TaskSummary Summary) : IPhaseMessage;

/// <summary>A worker's attempt at a task failed.</summary>
internal sealed record TaskAttemptFailed(PhaseTask Task, int Attempt, string Reason) : IPhaseMessage;

/// <summary>
/// A worker's attempt at a task reports how it is getting on (<see cref="ITaskReporter"/>); the
/// worker sends at most one every few seconds, and the last before the attempt's result.
/// </summary>
internal sealed record TaskProgressed(PhaseTask Task, int Attempt, string Status) : IPhaseMessage;
