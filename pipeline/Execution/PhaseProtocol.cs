namespace Corpus.Pipeline.Execution;

/// <summary>Messages between a phase coordinator and its workers (work pulling).</summary>
internal interface IPhaseMessage;

/// <summary>A worker is idle and asks for a task.</summary>
internal sealed record RequestWork : IPhaseMessage
{
    public static RequestWork Instance { get; } = new();

    private RequestWork()
    {
    }
}

/// <summary>The coordinator hands a task to a worker.</summary>
internal sealed record AssignTask(PhaseTask Task, int Attempt) : IPhaseMessage;

/// <summary>Nothing is left to do; the worker may stop.</summary>
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
