namespace Corpus.Pipeline.Execution;

/// <summary>
/// Where a running task says how it is getting on, as one short line (e.g. the synth phase's
/// tokens/s, batch occupancy and acceptance). The progress displays show the latest beside the task.
/// A task may report as often as it likes and from any thread: the worker passes on at most one
/// status every few seconds, and the last one before the task's result.
/// </summary>
internal interface ITaskReporter
{
    /// <summary>The task's status now, replacing the one before.</summary>
    void Report(string status);
}
