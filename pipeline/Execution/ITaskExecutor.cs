namespace Corpus.Pipeline.Execution;

/// <summary>
/// Runs one task of a phase. An implementation writes its outputs under temporary names and
/// commits them by rename, then records the task in the <see cref="TaskLedger"/>, so a task either
/// happened completely or is redone. It may be called from several workers at once for different
/// tasks.
/// </summary>
internal interface ITaskExecutor
{
    /// <summary>Runs <paramref name="task"/>; throws on failure (the coordinator retries it).</summary>
    Task<TaskSummary> ExecuteAsync(PhaseTask task, CancellationToken ct);

    /// <summary>
    /// Runs <paramref name="task"/> as <see cref="ExecuteAsync(PhaseTask, CancellationToken)"/> does,
    /// telling <paramref name="reporter"/> how it is getting on while it runs. Workers call this one;
    /// an executor with nothing to say between start and end need not implement it.
    /// </summary>
    Task<TaskSummary> ExecuteAsync(PhaseTask task, ITaskReporter reporter, CancellationToken ct) => ExecuteAsync(task, ct);
}
