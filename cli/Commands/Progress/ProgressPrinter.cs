using System.Diagnostics;
using System.Globalization;
using Corpus.Pipeline.Crawl;
using Corpus.Pipeline.Execution;

namespace Corpus.Cli.Commands.Progress;

/// <summary>
/// Prints progress as plain lines to standard error, for logs and pipes: a line when a phase starts,
/// at most one a second while it runs, one per failed attempt and per worker joining or leaving, and a summary.
/// </summary>
internal sealed class ProgressPrinter(TextWriter error, TimeProvider clock) : IProgressDisplay
{
    private readonly Lock _gate = new();
    private readonly ProgressState _state = new(clock);
    private readonly Stopwatch _sinceLast = Stopwatch.StartNew();
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
            _state.PhaseFinished(outcome, elapsed);
            error.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{outcome.Phase}: done in {elapsed.TotalSeconds:F1}s, {outcome.Tasks - outcome.Failed.Count}/{outcome.Tasks} tasks ok"));
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
