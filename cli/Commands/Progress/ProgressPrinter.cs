using System.Diagnostics;
using System.Globalization;
using Corpus.Pipeline.Crawl;
using Corpus.Pipeline.Execution;

namespace Corpus.Cli.Commands.Progress;

/// <summary>
/// Prints progress as plain lines to standard error, for logs and pipes: a line when a phase starts,
/// at most one a second while it runs, one per failed attempt and per worker joining or leaving, and a summary.
/// What a running task reports is a line <c>synth part-00000: status</c>, at most one every
/// <see cref="StatusEvery"/> per task, and the last one held back when the task ends.
/// </summary>
internal sealed class ProgressPrinter(TextWriter error, TimeProvider clock) : IProgressDisplay
{
    /// <summary>The least time between two status lines of one task.</summary>
    public static readonly TimeSpan StatusEvery = TimeSpan.FromSeconds(2);

    private readonly Lock _gate = new();
    private readonly ProgressState _state = new(clock);
    private readonly Stopwatch _sinceLast = Stopwatch.StartNew();
    private readonly Dictionary<PhaseTask, StatusLine> _statusLines = [];
    private bool _crawlAnnounced;

    public ProgressPrinter(TextWriter error)
        : this(error, TimeProvider.System)
    {
    }

    public void PhaseStarted(string phase, int tasks, int skipped)
    {
        lock (_gate)
        {
            _state.PhaseStarted(phase, tasks, skipped);
            error.WriteLine(skipped > 0
                ? $"{phase}: {tasks} tasks, {skipped} already done (resuming)"
                : $"{phase}: {tasks} tasks");
        }
    }

    public void TaskStarted(PhaseTask task, int attempt, string worker) => _state.TaskStarted(task, attempt, worker);

    public void TaskProgress(PhaseTask task, int attempt, string status)
    {
        ArgumentNullException.ThrowIfNull(task);
        lock (_gate)
        {
            _state.TaskProgress(task, attempt, status);
            if (_state.TaskStatus(task) != status)
            {
                return; // not the attempt its worker holds
            }

            var now = clock.GetTimestamp();
            if (_statusLines.TryGetValue(task, out var line) && clock.GetElapsedTime(line.Printed, now) < StatusEvery)
            {
                line.Unprinted = status;
                return;
            }

            _statusLines[task] = new StatusLine(now);
            PrintStatus(task, status);
        }
    }

    public void PhaseSkipped(string phase, string reason)
    {
        lock (_gate)
        {
            error.WriteLine($"{phase}: skipped, {reason}");
        }
    }

    public void Waiting(string what)
    {
        lock (_gate)
        {
            error.WriteLine($"waiting for {what}");
        }
    }

    public void WorkerJoined(string worker)
    {
        lock (_gate)
        {
            _state.WorkerJoined(worker);
            error.WriteLine($"worker {worker} joined");
        }
    }

    public void WorkerLeft(string worker, string reason)
    {
        lock (_gate)
        {
            _state.WorkerLeft(worker, reason);
            error.WriteLine($"worker {worker} left: {reason}");
        }
    }

    public void TaskCompleted(PhaseTask task, TaskSummary summary, int done, int total)
    {
        ArgumentNullException.ThrowIfNull(task);
        lock (_gate)
        {
            FlushStatus(task);
            _state.TaskCompleted(task, summary, done, total);
            if (_sinceLast.ElapsedMilliseconds < 1000 && done < total)
            {
                return;
            }

            _sinceLast.Restart();
            if (_state.Phase(task.Phase) is not { } p)
            {
                return;
            }

            var eta = p.Eta is { } e ? e.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture) : "?";
            error.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{p.Name}: {p.Done}/{p.Tasks} tasks, {p.Totals.Documents:N0} docs ({p.DocumentsPerSecond:N0}/s), {p.Totals.Tokens:N0} tokens ({p.TokensPerSecond:N0}/s), {p.Totals.Rejects:N0} rejects, ETA {eta}"));
        }
    }

    public void TaskFailed(PhaseTask task, int attempt, string reason, bool willRetry)
    {
        ArgumentNullException.ThrowIfNull(task);
        lock (_gate)
        {
            FlushStatus(task);
            _state.TaskFailed(task, attempt, reason, willRetry);
            error.WriteLine($"{task.Phase}: task {task.Name} attempt {attempt} failed: {reason}{(willRetry ? "; retrying" : string.Empty)}");
        }
    }

    public void UrlFinished(string url, int? status, string? failure, long pages, long pending, int inFlight)
    {
        lock (_gate)
        {
            _state.UrlFinished(url, status, failure, pages, pending, inFlight);
            if (!_crawlAnnounced)
            {
                _crawlAnnounced = true;
                error.WriteLine("crawl: started");
            }

            if (_sinceLast.ElapsedMilliseconds < 1000 || _state.Crawl() is not { } c)
            {
                return;
            }

            _sinceLast.Restart();
            error.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"crawl: {c.Pages:N0} pages ({c.PagesPerSecond:N0}/s), {c.Pending:N0} waiting, {c.InFlight} in flight"));
        }
    }

    public void PhaseFinished(PhaseOutcome outcome, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        lock (_gate)
        {
            foreach (var task in _statusLines.Keys.Where(t => t.Phase == outcome.Phase).ToList())
            {
                _statusLines.Remove(task);
            }

            _state.PhaseFinished(outcome, elapsed);
            error.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{outcome.Phase}: done in {elapsed.TotalSeconds:F1}s, {outcome.Tasks - outcome.Failed.Count}/{outcome.Tasks} tasks ok"));
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>Prints the status <paramref name="task"/> reported last if it was held back, and forgets the task's lines.</summary>
    private void FlushStatus(PhaseTask task)
    {
        if (_statusLines.Remove(task, out var line) && line.Unprinted is { } status)
        {
            PrintStatus(task, status);
        }
    }

    private void PrintStatus(PhaseTask task, string status) => error.WriteLine($"{task.Phase} {task.Name}: {status}");

    /// <summary>When a task's last status line was printed, and the status held back since.</summary>
    private sealed class StatusLine(long printed)
    {
        public long Printed { get; } = printed;

        public string? Unprinted { get; set; }
    }
}
