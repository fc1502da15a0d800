namespace Corpus.Pipeline.Execution;

/// <summary>Hears how a build progresses: for progress displays and run logs.</summary>
public interface IPhaseObserver
{
    /// <summary>A phase starts with <paramref name="tasks"/> tasks, <paramref name="skipped"/> of them already committed.</summary>
    void PhaseStarted(string phase, int tasks, int skipped);

    /// <summary>A task committed.</summary>
    void TaskCompleted(PhaseTask task, TaskSummary summary, int done, int total);

    /// <summary>A task attempt failed; it is retried while attempts remain.</summary>
    void TaskFailed(PhaseTask task, int attempt, string reason, bool willRetry);

    /// <summary>A phase ended.</summary>
    void PhaseFinished(PhaseOutcome outcome, TimeSpan elapsed);
}
