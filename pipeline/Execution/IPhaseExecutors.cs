namespace Corpus.Pipeline.Execution;

/// <summary>Gives a worker the executor of a phase; each process builds its own from the build's inputs.</summary>
internal interface IPhaseExecutors
{
    /// <summary>The executor of <paramref name="phase"/>; throws when the phase is unknown or cannot be prepared.</summary>
    ITaskExecutor For(string phase);
}
