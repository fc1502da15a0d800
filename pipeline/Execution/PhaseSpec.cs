namespace Corpus.Pipeline.Execution;

/// <summary>What a phase coordinator needs: its tasks still to run and how to run them.</summary>
internal sealed record PhaseSpec(
    string Phase,
    IReadOnlyList<PhaseTask> Pending,
    int Skipped,
    ITaskExecutor Executor,
    int Workers,
    int MaxAttempts,
    IPhaseObserver? Observer);
