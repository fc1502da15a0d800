using System.Diagnostics;
using Akka.Actor;

namespace Corpus.Pipeline.Execution;

/// <summary>
/// Pulls tasks from the build's dispatcher one at a time, runs each on the thread pool with its
/// phase's executor and reports the result; then asks for the next. A worker never holds more than
/// one task, so the dispatcher's queue is the only place work waits. The dispatcher may be on
/// another node (cluster mode), reached through a singleton proxy. What the running task reports
/// (<see cref="ITaskReporter"/>) goes to the dispatcher as <see cref="TaskProgressed"/>, at most
/// once every <c>progressEvery</c> (the latest status wins; one held back is sent when the interval
/// is over), and the last status before the attempt's result.
/// </summary>
internal sealed class TaskWorker : ReceiveActor, IWithTimers
{
    /// <summary>How often a task's status is passed on at most, unless the worker is told otherwise.</summary>
    public static readonly TimeSpan DefaultProgressEvery = TimeSpan.FromSeconds(2);

    private const string ProgressTimer = "progress";

    private readonly IPhaseExecutors _executors;
    private readonly IActorRef _dispatcher;
    private readonly string _name;
    private readonly CancellationToken _ct;
    private readonly TimeSpan _progressEvery;
    private AssignTask? _running;
    private string? _unsent;
    private long? _lastSent;

    public TaskWorker(IPhaseExecutors executors, IActorRef dispatcher, string name, CancellationToken ct, TimeSpan progressEvery)
    {
        _executors = executors;
        _dispatcher = dispatcher;
        _name = name;
        _ct = ct;
        _progressEvery = progressEvery;
        Receive<AssignTask>(Run);
        Receive<Reported>(Keep);
        Receive<SendStatus>(_ => SendStatusNow());
        Receive<Executed>(e =>
        {
            if (ReferenceEquals(e.Assignment, _running))
            {
                SendStatusNow();
                Timers.Cancel(ProgressTimer);
                _running = null;
                _unsent = null;
                _lastSent = null;
            }

            _dispatcher.Tell(e.Error is null
                ? new TaskSucceeded(e.Assignment.Task, e.Summary!)
                : new TaskAttemptFailed(e.Assignment.Task, e.Assignment.Attempt, e.Error));
            _dispatcher.Tell(new RequestWork(_name));
        });
        Receive<NoMoreWork>(_ => Context.Stop(Self));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(IPhaseExecutors executors, IActorRef dispatcher, string name, CancellationToken ct, TimeSpan? progressEvery = null)
    {
        var every = progressEvery ?? DefaultProgressEvery;
        return Akka.Actor.Props.Create(() => new TaskWorker(executors, dispatcher, name, ct, every));
    }

    protected override void PreStart() => _dispatcher.Tell(new RequestWork(_name));

    private void Run(AssignTask assignment)
    {
        var executors = _executors;
        var ct = _ct;
        var reporter = new Reporter(Self, assignment);
        _running = assignment;
        _unsent = null;
        _lastSent = null;
        Task.Run(() => executors.For(assignment.Task.Phase).ExecuteAsync(assignment.Task, reporter, ct), ct).PipeTo(
            Self,
            success: summary => new Executed(assignment, summary, null),
            failure: e => new Executed(assignment, null, Describe(e)));
    }

    /// <summary>Keeps the latest status; sends it now when the last went out long enough ago, else when that time comes.</summary>
    private void Keep(Reported reported)
    {
        if (!ReferenceEquals(reported.Assignment, _running))
        {
            return; // reported after its attempt ended
        }

        _unsent = reported.Status;
        var since = _lastSent is { } last ? Stopwatch.GetElapsedTime(last) : TimeSpan.MaxValue;
        if (since >= _progressEvery)
        {
            SendStatusNow();
        }
        else if (!Timers.IsTimerActive(ProgressTimer))
        {
            Timers.StartSingleTimer(ProgressTimer, SendStatus.Instance, _progressEvery - since);
        }
    }

    private void SendStatusNow()
    {
        if (_running is { } running && _unsent is { } status)
        {
            _dispatcher.Tell(new TaskProgressed(running.Task, running.Attempt, status));
            _unsent = null;
            _lastSent = Stopwatch.GetTimestamp();
        }
    }

    private static string Describe(Exception e)
    {
        while (e is AggregateException { InnerExceptions.Count: 1 } a)
        {
            e = a.InnerExceptions[0];
        }

        return $"{e.GetType().Name}: {e.Message}";
    }

    /// <summary>What the running task is told to report to: it sends each status to the worker, whichever thread it reports from.</summary>
    private sealed class Reporter(IActorRef worker, AssignTask assignment) : ITaskReporter
    {
        public void Report(string status)
        {
            ArgumentNullException.ThrowIfNull(status);
            worker.Tell(new Reported(assignment, status));
        }
    }

    private sealed record Executed(AssignTask Assignment, TaskSummary? Summary, string? Error);

    private sealed record Reported(AssignTask Assignment, string Status);

    private sealed record SendStatus
    {
        public static SendStatus Instance { get; } = new();
    }
}
