namespace Corpus.Pipeline.Execution;

/// <summary>
/// Tells the dispatcher to run a phase: its tasks still to do, how many the ledger already holds,
/// the promise to complete when every task has succeeded or failed, who hears of its progress, and
/// the quarantine that learns which item a lost worker was reading before its task is tried again.
/// Local only (the build runner and the dispatcher share a process).
/// </summary>
internal sealed record StartPhase(
    string Phase,
    IReadOnlyList<PhaseTask> Pending,
    int Skipped,
    int MaxAttempts,
    TaskCompletionSource<PhaseOutcome> Promise,
    IPhaseObserver? Observer,
    Quarantine? Quarantine = null);

/// <summary>
/// The build is over: every worker is told so; <paramref name="Stopped"/> completes once they have
/// stopped (or after <paramref name="Grace"/>), so remote workers hear it before this node leaves.
/// </summary>
internal sealed record FinishBuild(TaskCompletionSource Stopped, TimeSpan Grace);
