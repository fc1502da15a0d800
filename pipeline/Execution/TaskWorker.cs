using Akka.Actor;

namespace Corpus.Pipeline.Execution;

/// <summary>
/// Pulls tasks from the build's dispatcher one at a time, runs each on the thread pool with its
/// phase's executor and reports the result; then asks for the next. A worker never holds more than
/// one task, so the dispatcher's queue is the only place work waits. The dispatcher may be on
/// another node (cluster mode), reached through a singleton proxy.
/// </summary>
internal sealed class TaskWorker : ReceiveActor
{
    private readonly IPhaseExecutors _executors;
    private readonly IActorRef _dispatcher;
    private readonly string _name;
    private readonly CancellationToken _ct;

    public TaskWorker(IPhaseExecutors executors, IActorRef dispatcher, string name, CancellationToken ct)
    {
        _executors = executors;
        _dispatcher = dispatcher;
        _name = name;
        _ct = ct;
        Receive<AssignTask>(Run);
        Receive<Executed>(e =>
        {
            _dispatcher.Tell(e.Error is null
                ? new TaskSucceeded(e.Assignment.Task, e.Summary!)
                : new TaskAttemptFailed(e.Assignment.Task, e.Assignment.Attempt, e.Error));
            _dispatcher.Tell(new RequestWork(_name));
        });
        Receive<NoMoreWork>(_ => Context.Stop(Self));
    }

    public static Props Props(IPhaseExecutors executors, IActorRef dispatcher, string name, CancellationToken ct) =>
        Akka.Actor.Props.Create(() => new TaskWorker(executors, dispatcher, name, ct));

    protected override void PreStart() => _dispatcher.Tell(new RequestWork(_name));

    private void Run(AssignTask assignment)
    {
        var executors = _executors;
        var ct = _ct;
        Task.Run(() => executors.For(assignment.Task.Phase).ExecuteAsync(assignment.Task, ct), ct).PipeTo(
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
