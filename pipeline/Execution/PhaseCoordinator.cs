using Akka.Actor;

namespace Corpus.Pipeline.Execution;

/// <summary>
/// Runs one phase: holds the queue of tasks, starts the workers as its children and hands tasks to
/// whichever asks (work pulling). A failed attempt goes back to the end of the queue until
/// <c>maxAttempts</c> is spent, then the task is recorded as failed. When every task has succeeded
/// or failed the coordinator completes the phase's promise and stops, taking its workers with it.
/// </summary>
internal sealed class PhaseCoordinator : ReceiveActor
{
    private readonly Queue<(PhaseTask Task, int Attempt)> _queue = new();
    private readonly List<IActorRef> _idle = [];
    private readonly List<FailedTask> _failed = [];
    private readonly string _phase;
    private readonly int _total;
    private readonly int _skipped;
    private readonly int _workers;
    private readonly int _maxAttempts;
    private readonly ITaskExecutor _executor;
    private readonly IPhaseObserver? _observer;
    private readonly TaskCompletionSource<PhaseOutcome> _promise;
    private readonly CancellationToken _ct;
    private int _inFlight;
    private int _done;
    private TaskSummary _totals = TaskSummary.Empty;

    public PhaseCoordinator(PhaseSpec spec, TaskCompletionSource<PhaseOutcome> promise, CancellationToken ct)
    {
        _phase = spec.Phase;
        _total = spec.Pending.Count + spec.Skipped;
        _skipped = spec.Skipped;
        _done = spec.Skipped;
        _workers = spec.Workers;
        _maxAttempts = spec.MaxAttempts;
        _executor = spec.Executor;
        _observer = spec.Observer;
        _promise = promise;
        _ct = ct;
        foreach (var t in spec.Pending)
        {
            _queue.Enqueue((t, 1));
        }

        Receive<RequestWork>(_ => Dispatch(Sender));
        Receive<TaskSucceeded>(m =>
        {
            _inFlight--;
            _done++;
            _totals = _totals.Plus(m.Summary);
            _observer?.TaskCompleted(m.Task, m.Summary, _done, _total);
            FinishIfDone();
        });
        Receive<TaskAttemptFailed>(m =>
        {
            _inFlight--;
            var retry = m.Attempt < _maxAttempts && !_ct.IsCancellationRequested;
            _observer?.TaskFailed(m.Task, m.Attempt, m.Reason, retry);
            if (retry)
            {
                _queue.Enqueue((m.Task, m.Attempt + 1));
                WakeIdle();
            }
            else
            {
                _failed.Add(new FailedTask(m.Task, m.Attempt, m.Reason));
            }

            FinishIfDone();
        });
    }

    public static Props Props(PhaseSpec spec, TaskCompletionSource<PhaseOutcome> promise, CancellationToken ct) =>
        Akka.Actor.Props.Create(() => new PhaseCoordinator(spec, promise, ct));

    protected override void PreStart()
    {
        if (_queue.Count == 0)
        {
            Complete();
            return;
        }

        var n = Math.Min(_workers, _queue.Count);
        for (var i = 0; i < n; i++)
        {
            Context.ActorOf(TaskWorker.Props(_executor, _ct), $"worker-{i}");
        }
    }

    private void Dispatch(IActorRef worker)
    {
        if (_queue.Count > 0 && !_ct.IsCancellationRequested)
        {
            var (task, attempt) = _queue.Dequeue();
            _inFlight++;
            worker.Tell(new AssignTask(task, attempt));
        }
        else if (_inFlight > 0)
        {
            _idle.Add(worker); // a running task may still fail and need a retry
        }
        else
        {
            worker.Tell(NoMoreWork.Instance);
        }
    }

    private void WakeIdle()
    {
        var idle = _idle.ToArray();
        _idle.Clear();
        foreach (var w in idle)
        {
            Dispatch(w);
        }
    }

    private void FinishIfDone()
    {
        if (_inFlight == 0 && (_queue.Count == 0 || _ct.IsCancellationRequested))
        {
            Complete();
        }
    }

    private void Complete()
    {
        var outcome = new PhaseOutcome(_phase, _total, _skipped, _totals, _failed.OrderBy(f => f.Task.Index).ToList());
        if (_ct.IsCancellationRequested && _queue.Count > 0)
        {
            _promise.TrySetCanceled(_ct);
        }
        else
        {
            _promise.TrySetResult(outcome);
        }

        Context.Stop(Self);
    }
}
