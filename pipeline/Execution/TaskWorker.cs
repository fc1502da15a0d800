using Akka.Actor;

namespace Corpus.Pipeline.Execution;

/// <summary>
/// Pulls tasks from its coordinator (its parent) one at a time, runs each on the thread pool and
/// reports the result; then asks for the next. A worker never holds more than one task, so the
/// coordinator's queue is the only place work waits.
/// </summary>
internal sealed class TaskWorker : ReceiveActor
{
    private readonly ITaskExecutor _executor;
    private readonly CancellationToken _ct;

    public TaskWorker(ITaskExecutor executor, CancellationToken ct)
    {
        _executor = executor;
        _ct = ct;
        Receive<AssignTask>(Run);
        Receive<Executed>(e =>
        {
            Context.Parent.Tell(e.Error is null
                ? new TaskSucceeded(e.Assignment.Task, e.Summary!)
                : new TaskAttemptFailed(e.Assignment.Task, e.Assignment.Attempt, e.Error));
            Context.Parent.Tell(RequestWork.Instance);
        });
        Receive<NoMoreWork>(_ => Context.Stop(Self));
    }

    public static Props Props(ITaskExecutor executor, CancellationToken ct) => Akka.Actor.Props.Create(() => new TaskWorker(executor, ct));

    protected override void PreStart() => Context.Parent.Tell(RequestWork.Instance);

    private void Run(AssignTask assignment)
    {
        var executor = _executor;
        var ct = _ct;
        Task.Run(() => executor.ExecuteAsync(assignment.Task, ct), ct).PipeTo(
            Self,
            success: summary => new Executed(assignment, summary, null),
            failure: e => new Executed(assignment, null, Describe(e)));
    }

    private static string Describe(Exception e)
    {
        while (e is AggregateException { InnerExceptions.Count: 1 } a)
        {
            e = a.InnerExceptions[0];
        }

        return $"{e.GetType().Name}: {e.Message}";
    }

    private sealed record Executed(AssignTask Assignment, TaskSummary? Summary, string? Error);
}
