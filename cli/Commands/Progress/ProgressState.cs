using Corpus.Pipeline.Crawl;
using Corpus.Pipeline.Execution;

namespace Corpus.Cli.Commands.Progress;

/// <summary>
/// What the build's observer calls have said so far: phase totals, the crawl, and each worker's
/// state with the latest status its task reported (kept while it holds that task).
/// Both progress displays read it through <see cref="Snapshot"/>. It does no I/O; every member is
/// thread-safe and short, since the calls come from actor threads. Calls may arrive out of order
/// (a task's completion before its start, a start after its worker left); each such case keeps the
/// state that the calls in their true order would have left.
/// </summary>
internal sealed class ProgressState(TimeProvider clock) : IPhaseObserver, ICrawlObserver
{
    private readonly Lock _gate = new();
    private readonly List<PhaseEntry> _phases = [];
    private readonly Dictionary<string, WorkerEntry> _workers = new(StringComparer.Ordinal);
    private readonly Dictionary<PhaseTask, string> _holders = [];
    private readonly HashSet<PhaseTask> _completed = [];
    private readonly HashSet<(PhaseTask Task, int Attempt)> _failed = [];
    private CrawlEntry? _crawl;

    public void PhaseStarted(string phase, int tasks, int skipped)
    {
        lock (_gate)
        {
            var now = clock.GetTimestamp();
            if (_crawl is { Active: true })
            {
                _crawl.Active = false;
            }

            if (Find(phase) is { Announced: false } early)
            {
                early.Announced = true;
                early.Tasks = tasks;
                early.Skipped = skipped;
                early.Done = Math.Max(early.Done, skipped);
                return;
            }

            _phases.Add(new PhaseEntry(phase, now) { Announced = true, Tasks = tasks, Skipped = skipped, Done = skipped });
        }
    }

    public void TaskStarted(PhaseTask task, int attempt, string worker)
    {
        ArgumentNullException.ThrowIfNull(task);
        lock (_gate)
        {
            var w = Join(worker, out _);
            if (w.Status == WorkerStatus.Left || _completed.Contains(task) || _failed.Contains((task, attempt)) || Find(task.Phase) is { Finished: true })
            {
                return;
            }

            w.Status = WorkerStatus.Busy;
            w.Task = task;
            w.Attempt = attempt;
            w.Detail = null;
            w.Since = clock.GetTimestamp();
            _holders[task] = worker;
        }
    }

    public void TaskProgress(PhaseTask task, int attempt, string status)
    {
        ArgumentNullException.ThrowIfNull(task);
        lock (_gate)
        {
            if (_holders.TryGetValue(task, out var holder) && _workers.TryGetValue(holder, out var w) && w.Status == WorkerStatus.Busy && w.Task == task && w.Attempt == attempt)
            {
                w.Detail = status;
            }
        }
    }

    /// <summary>The latest status <paramref name="task"/> reported while its worker holds it; null when none or when no worker holds it.</summary>
    public string? TaskStatus(PhaseTask task)
    {
        lock (_gate)
        {
            return _holders.TryGetValue(task, out var holder) && _workers.TryGetValue(holder, out var w) && w.Task == task ? w.Detail : null;
        }
    }

    public void WorkerJoined(string worker)
    {
        lock (_gate)
        {
            var w = Join(worker, out var isNew);
            if (!isNew && w.Status == WorkerStatus.Left)
            {
                w.Status = WorkerStatus.Idle;
                w.LeftReason = null;
                w.Since = clock.GetTimestamp();
            }
        }
    }

    public void WorkerLeft(string worker, string reason)
    {
        lock (_gate)
        {
            var w = Join(worker, out _);
            Release(w);
            w.Status = WorkerStatus.Left;
            w.LeftReason = reason;
            w.Since = clock.GetTimestamp();
        }
    }

    public void TaskCompleted(PhaseTask task, TaskSummary summary, int done, int total)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(summary);
        lock (_gate)
        {
            var phase = Find(task.Phase) ?? AddEarly(task.Phase);
            if (phase.Finished || !_completed.Add(task))
            {
                return;
            }

            phase.Totals = phase.Totals.Plus(summary);
            phase.Done = Math.Max(phase.Done, done);
            phase.Tasks = Math.Max(phase.Tasks, total);
            if (_holders.Remove(task, out var holder) && _workers.TryGetValue(holder, out var w))
            {
                w.TasksDone++;
                if (w.Task == task)
                {
                    Release(w);
                }
            }
        }
    }

    public void TaskFailed(PhaseTask task, int attempt, string reason, bool willRetry)
    {
        ArgumentNullException.ThrowIfNull(task);
        lock (_gate)
        {
            var phase = Find(task.Phase) ?? AddEarly(task.Phase);
            if (phase.Finished || !_failed.Add((task, attempt)))
            {
                return;
            }

            phase.FailedAttempts++;
            if (!willRetry)
            {
                phase.FailedTasks++;
            }

            if (_holders.TryGetValue(task, out var holder) && _workers.TryGetValue(holder, out var w) && w.Task == task && w.Attempt == attempt)
            {
                Release(w);
            }
        }
    }

    public void PhaseFinished(PhaseOutcome outcome, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        lock (_gate)
        {
            var phase = Find(outcome.Phase) ?? AddEarly(outcome.Phase);
            phase.Finished = true;
            phase.Elapsed = elapsed;
            phase.Totals = outcome.Totals;
            phase.Tasks = outcome.Tasks;
            phase.Skipped = outcome.Skipped;
            phase.Done = outcome.Tasks - outcome.Failed.Count;
            phase.FailedTasks = outcome.Failed.Count;
            foreach (var w in _workers.Values.Where(w => w.Task?.Phase == outcome.Phase))
            {
                Release(w);
            }

            foreach (var task in _holders.Keys.Where(t => t.Phase == outcome.Phase).ToList())
            {
                _holders.Remove(task);
            }

            _completed.RemoveWhere(t => t.Phase == outcome.Phase);
            _failed.RemoveWhere(f => f.Task.Phase == outcome.Phase);
        }
    }

    public void UrlFinished(string url, int? status, string? failure, long pages, long pending, int inFlight)
    {
        lock (_gate)
        {
            var now = clock.GetTimestamp();
            _crawl ??= new CrawlEntry(now);
            _crawl.Pages = Math.Max(_crawl.Pages, pages);
            _crawl.Pending = pending;
            _crawl.InFlight = inFlight;
            _crawl.Last = now;
        }
    }

    /// <summary>The phase's progress now, or null if no call named it.</summary>
    public PhaseProgress? Phase(string name)
    {
        lock (_gate)
        {
            return Find(name) is { } p ? ToProgress(p, clock.GetTimestamp()) : null;
        }
    }

    /// <summary>The crawl's progress now, or null before its first URL finished.</summary>
    public CrawlProgress? Crawl()
    {
        lock (_gate)
        {
            return ToProgress(_crawl, clock.GetTimestamp());
        }
    }

    /// <summary>Everything, as of now.</summary>
    public ProgressSnapshot Snapshot()
    {
        lock (_gate)
        {
            var now = clock.GetTimestamp();
            var workers = _workers.Values
                .OrderBy(w => WorkerProgress.NodeOf(w.Name), StringComparer.Ordinal)
                .ThenBy(w => Number(w.Name))
                .ThenBy(w => w.Name, StringComparer.Ordinal)
                .Select(w => new WorkerProgress(w.Name, w.Status, w.Task, w.Attempt, clock.GetElapsedTime(w.Since, now), w.TasksDone, w.LeftReason, w.Detail))
                .ToList();
            return new ProgressSnapshot([.. _phases.Select(p => ToProgress(p, now))], ToProgress(_crawl, now), workers);
        }
    }

    private PhaseEntry? Find(string name)
    {
        for (var i = _phases.Count - 1; i >= 0; i--)
        {
            if (_phases[i].Name == name)
            {
                return _phases[i];
            }
        }

        return null;
    }

    private PhaseEntry AddEarly(string name)
    {
        var phase = new PhaseEntry(name, clock.GetTimestamp());
        _phases.Add(phase);
        return phase;
    }

    private WorkerEntry Join(string name, out bool isNew)
    {
        isNew = !_workers.TryGetValue(name, out var w);
        if (w is null)
        {
            w = new WorkerEntry(name, clock.GetTimestamp());
            _workers[name] = w;
        }

        return w;
    }

    private void Release(WorkerEntry w)
    {
        if (w.Status != WorkerStatus.Busy)
        {
            return;
        }

        if (w.Task is { } task && _holders.TryGetValue(task, out var holder) && holder == w.Name)
        {
            _holders.Remove(task);
        }

        w.Status = WorkerStatus.Idle;
        w.Task = null;
        w.Attempt = 0;
        w.Detail = null;
        w.Since = clock.GetTimestamp();
    }

    private PhaseProgress ToProgress(PhaseEntry p, long now) => new(
        p.Name,
        p.Tasks,
        p.Skipped,
        p.Done,
        p.Totals,
        p.FailedAttempts,
        p.FailedTasks,
        p.Finished ? p.Elapsed : clock.GetElapsedTime(p.Start, now),
        p.Finished);

    private CrawlProgress? ToProgress(CrawlEntry? c, long now) =>
        c is null ? null : new(c.Pages, c.Pending, c.InFlight, clock.GetElapsedTime(c.Start, c.Active ? now : c.Last), c.Active);

    /// <summary>The N of <c>node/worker-N</c>, so that worker-10 sorts after worker-9.</summary>
    private static long Number(string name)
    {
        var dash = name.LastIndexOf('-');
        return dash >= 0 && long.TryParse(name.AsSpan(dash + 1), out var n) ? n : long.MaxValue;
    }

    private sealed class PhaseEntry(string name, long start)
    {
        public string Name { get; } = name;

        public long Start { get; } = start;

        /// <summary>False while only task calls named it: its PhaseStarted is still to come.</summary>
        public bool Announced { get; set; }

        public int Tasks { get; set; }

        public int Skipped { get; set; }

        public int Done { get; set; }

        public TaskSummary Totals { get; set; } = TaskSummary.Empty;

        public int FailedAttempts { get; set; }

        public int FailedTasks { get; set; }

        public bool Finished { get; set; }

        public TimeSpan Elapsed { get; set; }
    }

    private sealed class CrawlEntry(long start)
    {
        public long Start { get; } = start;

        public long Last { get; set; } = start;

        public long Pages { get; set; }

        public long Pending { get; set; }

        public int InFlight { get; set; }

        public bool Active { get; set; } = true;
    }

    private sealed class WorkerEntry(string name, long since)
    {
        public string Name { get; } = name;

        public WorkerStatus Status { get; set; }

        public PhaseTask? Task { get; set; }

        public int Attempt { get; set; }

        /// <summary>The latest status its task reported while busy.</summary>
        public string? Detail { get; set; }

        public long Since { get; set; } = since;

        public int TasksDone { get; set; }

        public string? LeftReason { get; set; }
    }
}
