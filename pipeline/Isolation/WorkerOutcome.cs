namespace Corpus.Pipeline.Isolation;

/// <summary>How a call into a worker process ended.</summary>
internal enum WorkerStatus
{
    /// <summary>The worker answered; <see cref="WorkerOutcome.Body"/> holds the answer.</summary>
    Answered,

    /// <summary>The handler threw; the worker lives on. The detail is the exception's type and message.</summary>
    Failed,

    /// <summary>The worker process died during the call (a stack overflow, a native crash, a signal, a fail-fast).</summary>
    Crashed,

    /// <summary>The call ran past its time limit; the worker process was killed.</summary>
    TimedOut,

    /// <summary>The handler went over the worker's memory limit; the worker process was replaced.</summary>
    OutOfMemory,
}

/// <summary>The end of one call into a worker process: its answer, or why there is none.</summary>
internal sealed record WorkerOutcome(WorkerStatus Status, byte[] Body, string Detail)
{
    public static WorkerOutcome Answered(byte[] body) => new(WorkerStatus.Answered, body, string.Empty);

    public static WorkerOutcome Lost(WorkerStatus status, string detail) => new(status, [], detail);
}
