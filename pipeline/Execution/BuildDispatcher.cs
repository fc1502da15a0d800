using Akka.Actor;

namespace Corpus.Pipeline.Execution;

/// <summary>
/// Hands a build's tasks to workers by work pulling, one phase at a time. Workers (local children
/// of the build or actors on other cluster nodes) ask with <see cref="RequestWork"/> and hold one
/// task at a time; the dispatcher watches each, so a worker that dies, or whose node leaves the
/// cluster, has its task given back to the queue as a failed attempt. A failed attempt goes to the
/// end of the queue until the phase's attempts are spent, then the task is recorded as failed. A
/// phase's promise completes when every task has succeeded or failed. The dispatcher starts with
/// the build's process, before any phase, so workers on other nodes can join while the
/// coordinator still crawls. What a running task reports (<see cref="TaskProgressed"/>) reaches
/// the observer only while its worker still holds that attempt. When a worker is lost while it
/// holds a task, the item that task was reading is charged to the phase's <see cref="Quarantine"/>
/// before the task is queued again, so the next attempt reads it in a worker process.
/// </summary>
internal sealed class BuildDispatcher : ReceiveActor, IWithTimers
{
    private readonly Dictionary<IActorRef, string> _workers = [];
    private readonly List<IActorRef> _idle = [];
    private readonly Dictionary<IActorRef, (PhaseTask Task, int Attempt)> _running = [];
    private IPhaseObserver? _observer;
    private readonly CancellationToken _ct;
    private Phase? _phase;
    private FinishBuild? _finishing;

    public BuildDispatcher(CancellationToken ct)
    {
        _ct = ct;
        Receive<StartPhase>(Start);
        Receive<RequestWork>(m => Join(Sender, m.Worker));
        Receive<TaskSucceeded>(m =>
        {
            if (Release(Sender, m.Task) is { } phase)
            {
                phase.Done++;
                phase.Totals = phase.Totals.Plus(m.Summary);
                _observer?.TaskCompleted(m.Task, m.Summary, phase.Done, phase.Total);
                FinishPhaseIfDone();
            }
        });
        Receive<TaskAttemptFailed>(m =>
        {
            if (Release(Sender, m.Task) is not null)
            {
                Failed(m.Task, m.Attempt, m.Reason);
            }
        });
        Receive<TaskProgressed>(m =>
        {
            // Only from the attempt the worker holds now: a late one of an attempt that ended is dropped.
            if (_phase is not null && _running.TryGetValue(Sender, out var held) && held.Task == m.Task && held.Attempt == m.Attempt)
            {
                _observer?.TaskProgress(m.Task, m.Attempt, m.Status);
            }
        });
        Receive<Terminated>(m => Left(m.ActorRef));
        Receive<FinishBuild>(Finish);
        Receive<GraceOver>(_ => _finishing?.Stopped.TrySetResult());
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(CancellationToken ct) => Akka.Actor.Props.Create(() => new BuildDispatcher(ct));

    private void Start(StartPhase start)
    {
        if (_phase is not null)
        {
            start.Promise.TrySetException(new InvalidOperationException($"phase '{start.Phase}' started while '{_phase.Name}' runs"));
            return;
        }

        _phase = new Phase(start);
        if (!ReferenceEquals(start.Observer, _observer))
        {
            _observer = start.Observer;
            foreach (var name in _workers.Values)
            {
                _observer?.WorkerJoined(name); // workers that joined before anyone listened
            }
        }

        if (start.Pending.Count == 0)
        {
            FinishPhaseIfDone();
            return;
        }

        WakeIdle();
    }

    private void Join(IActorRef worker, string name)
    {
        if (_workers.TryAdd(worker, name))
        {
            Context.Watch(worker);
            _observer?.WorkerJoined(name);
        }

        _running.Remove(worker); // a worker asks only when it holds nothing
        Dispatch(worker);
    }

    private void Dispatch(IActorRef worker)
    {
        if (_finishing is not null)
        {
            worker.Tell(NoMoreWork.Instance);
            return;
        }

        if (_phase is { } phase && phase.Queue.Count > 0 && !_ct.IsCancellationRequested)
        {
            var (task, attempt) = phase.Queue.Dequeue();
            _running[worker] = (task, attempt);
            _observer?.TaskStarted(task, attempt, _workers[worker]);
            worker.Tell(new AssignTask(task, attempt));
            return;
        }

        if (!_idle.Contains(worker))
        {
            _idle.Add(worker);
        }
    }

    /// <summary>Frees the worker that ran <paramref name="task"/>; null when the report is stale (not the task it holds).</summary>
    private Phase? Release(IActorRef worker, PhaseTask task)
    {
        if (_phase is null || !_running.TryGetValue(worker, out var held) || held.Task != task)
        {
            return null;
        }

        _running.Remove(worker);
        return _phase;
    }

    private void Failed(PhaseTask task, int attempt, string reason)
    {
        var phase = _phase!;
        var retry = attempt < phase.MaxAttempts && !_ct.IsCancellationRequested;
        _observer?.TaskFailed(task, attempt, reason, retry);
        if (retry)
        {
            phase.Queue.Enqueue((task, attempt + 1));
            WakeIdle();
        }
        else
        {
            phase.FailedTasks.Add(new FailedTask(task, attempt, reason));
        }

        FinishPhaseIfDone();
    }

    private void Left(IActorRef worker)
    {
        if (!_workers.Remove(worker, out var name))
        {
            return;
        }

        _idle.Remove(worker);
        var reason = worker.Path.Address.HasGlobalScope ? $"its node {worker.Path.Address.Host}:{worker.Path.Address.Port} left the cluster" : "it stopped";
        _observer?.WorkerLeft(name, reason);
        if (_running.Remove(worker, out var held) && _phase is not null)
        {
            // The item it was reading (its in-flight marker, in the shared output folder) is read isolated next time.
            _phase.Quarantine?.CollectDeaths($"worker {name} was lost ({reason})", held.Task);
            Failed(held.Task, held.Attempt, $"worker {name} was lost: {reason}");
        }

        FinishBuildIfStopped();
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

    private void FinishPhaseIfDone()
    {
        if (_phase is not { } phase)
        {
            return;
        }

        var holding = _running.Values.Any(r => r.Task.Phase == phase.Name);
        if (holding || (phase.Queue.Count > 0 && !_ct.IsCancellationRequested))
        {
            return;
        }

        _phase = null;
        var outcome = new PhaseOutcome(phase.Name, phase.Total, phase.Skipped, phase.Totals, [.. phase.FailedTasks.OrderBy(f => f.Task.Index)]);
        if (_ct.IsCancellationRequested && phase.Queue.Count > 0)
        {
            phase.Promise.TrySetCanceled(_ct);
        }
        else
        {
            phase.Promise.TrySetResult(outcome);
        }
    }

    private void Finish(FinishBuild finish)
    {
        _finishing = finish;
        _observer = null; // the build's observers (its run log) close with the build
        foreach (var w in _workers.Keys)
        {
            w.Tell(NoMoreWork.Instance);
        }

        _idle.Clear();
        Timers.StartSingleTimer("grace", new GraceOver(), finish.Grace);
        FinishBuildIfStopped();
    }

    private void FinishBuildIfStopped()
    {
        if (_finishing is { } finish && _workers.Count == 0)
        {
            finish.Stopped.TrySetResult();
        }
    }

    private sealed record GraceOver;

    /// <summary>The running phase's queue and tallies.</summary>
    private sealed class Phase(StartPhase start)
    {
        public string Name { get; } = start.Phase;

        public int Total { get; } = start.Pending.Count + start.Skipped;

        public int Skipped { get; } = start.Skipped;

        public int MaxAttempts { get; } = Math.Max(1, start.MaxAttempts);

        public Quarantine? Quarantine { get; } = start.Quarantine;

        public TaskCompletionSource<PhaseOutcome> Promise { get; } = start.Promise;

        public Queue<(PhaseTask Task, int Attempt)> Queue { get; } = new(start.Pending.Select(t => (t, 1)));

        public List<FailedTask> FailedTasks { get; } = [];

        public int Done { get; set; } = start.Skipped;

        public TaskSummary Totals { get; set; } = TaskSummary.Empty;
    }
}
