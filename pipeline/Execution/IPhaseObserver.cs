namespace Corpus.Pipeline.Execution;

/// <summary>Hears how a build progresses: for progress displays and run logs.</summary>
public interface IPhaseObserver
{
    /// <summary>A phase starts with <paramref name="tasks"/> tasks, <paramref name="skipped"/> of them already committed.</summary>
    void PhaseStarted(string phase, int tasks, int skipped);

    /// <summary>
    /// A worker starts attempt <paramref name="attempt"/> at <paramref name="task"/>.
    /// <paramref name="worker"/> names it as <c>node/worker-N</c>, the node being <c>local</c> in a
    /// single process or <c>host:port</c> in cluster mode.
    /// </summary>
    void TaskStarted(PhaseTask task, int attempt, string worker)
    {
    }

    /// <summary>
    /// Attempt <paramref name="attempt"/> at <paramref name="task"/>, still running, says how it is
    /// getting on in one short line (e.g. the synth phase's tokens/s, batch occupancy and acceptance),
    /// replacing what it said before. Heard at most every few seconds per task, and only while the
    /// attempt's worker holds it.
    /// </summary>
    void TaskProgress(PhaseTask task, int attempt, string status)
    {
    }

    /// <summary>A phase does not run in this build, for <paramref name="reason"/> (e.g. the synth phase without a model).</summary>
    void PhaseSkipped(string phase, string reason)
    {
    }

    /// <summary>The build waits for something outside it (in cluster mode, worker nodes to join).</summary>
    void Waiting(string what)
    {
    }

    /// <summary>A worker joined the build (in cluster mode, a worker node's actor registered).</summary>
    void WorkerJoined(string worker)
    {
    }

    /// <summary>A worker left the build: its node left or died; a task it held is handed to another.</summary>
    void WorkerLeft(string worker, string reason)
    {
    }

    /// <summary>A task committed.</summary>
    void TaskCompleted(PhaseTask task, TaskSummary summary, int done, int total);

    /// <summary>A task attempt failed; it is retried while attempts remain.</summary>
    void TaskFailed(PhaseTask task, int attempt, string reason, bool willRetry);

    /// <summary>A phase ended.</summary>
    void PhaseFinished(PhaseOutcome outcome, TimeSpan elapsed);
}
