using System.Diagnostics;
using System.Globalization;
using Corpus.Pipeline.Crawl;
using Corpus.Pipeline.Execution;

namespace Corpus.Cli.Commands;

/// <summary>Prints phase progress to standard error: a line when a phase starts, at most one a second while it runs, and a summary.</summary>
internal sealed class ProgressPrinter(TextWriter error) : IPhaseObserver, ICrawlObserver
{
    private readonly Lock _gate = new();
    private readonly Stopwatch _sinceLast = Stopwatch.StartNew();
    private readonly Stopwatch _phaseClock = new();
    private readonly Stopwatch _crawlClock = new();
    private TaskSummary _totals = TaskSummary.Empty;

    public void PhaseStarted(string phase, int tasks, int skipped)
    {
        lock (_gate)
        {
            _totals = TaskSummary.Empty;
            _phaseClock.Restart();
            error.WriteLine(skipped > 0
                ? $"{phase}: {tasks} tasks, {skipped} already done (resuming)"
                : $"{phase}: {tasks} tasks");
        }
    }

    public void TaskCompleted(PhaseTask task, TaskSummary summary, int done, int total)
    {
        lock (_gate)
        {
            _totals = _totals.Plus(summary);
            if (_sinceLast.ElapsedMilliseconds < 1000 && done < total)
            {
                return;
            }

            _sinceLast.Restart();
            var seconds = Math.Max(_phaseClock.Elapsed.TotalSeconds, 1e-3);
            var eta = done == 0 ? "?" : TimeSpan.FromSeconds(seconds / done * (total - done)).ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture);
            error.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{task.Phase}: {done}/{total} tasks, {_totals.Documents:N0} docs ({_totals.Documents / seconds:N0}/s), {_totals.Tokens:N0} tokens ({_totals.Tokens / seconds:N0}/s), {_totals.Rejects:N0} rejects, ETA {eta}"));
        }
    }

    public void TaskFailed(PhaseTask task, int attempt, string reason, bool willRetry)
    {
        lock (_gate)
        {
            error.WriteLine($"{task.Phase}: task {task.Name} attempt {attempt} failed: {reason}{(willRetry ? "; retrying" : string.Empty)}");
        }
    }

    public void UrlFinished(string url, int? status, string? failure, long pages, long pending, int inFlight)
    {
        lock (_gate)
        {
            if (!_crawlClock.IsRunning)
            {
                _crawlClock.Start();
                error.WriteLine("crawl: started");
            }

            if (_sinceLast.ElapsedMilliseconds < 1000)
            {
                return;
            }

            _sinceLast.Restart();
            var seconds = Math.Max(_crawlClock.Elapsed.TotalSeconds, 1e-3);
            error.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"crawl: {pages:N0} pages ({pages / seconds:N0}/s), {pending:N0} waiting, {inFlight} in flight"));
        }
    }

    public void PhaseFinished(PhaseOutcome outcome, TimeSpan elapsed)
    {
        lock (_gate)
        {
            error.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{outcome.Phase}: done in {elapsed.TotalSeconds:F1}s, {outcome.Tasks - outcome.Failed.Count}/{outcome.Tasks} tasks ok"));
        }
    }
}
