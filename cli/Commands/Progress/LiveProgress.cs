using System.Collections.Concurrent;
using Corpus.Pipeline.Crawl;
using Corpus.Pipeline.Execution;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Corpus.Cli.Commands.Progress;

/// <summary>
/// A Spectre.Console live display of the build on an interactive terminal: the running phases,
/// the crawl and the workers, redrawn a few times a second; finished phases and failed attempts
/// become lines above it. Observer calls only update a <see cref="ProgressState"/> and queue those
/// lines; one loop of its own does all the drawing, so no actor thread waits on the terminal.
/// </summary>
internal sealed class LiveProgress : IProgressDisplay
{
    private readonly IAnsiConsole _console;
    private readonly ProgressState _state;
    private readonly TimeSpan _interval;
    private readonly ConcurrentQueue<IRenderable> _above = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private LiveProgress(IAnsiConsole console, ProgressState state, TimeSpan interval)
    {
        _console = console;
        _state = state;
        _interval = interval;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Starts drawing on <paramref name="console"/>, every <paramref name="interval"/> (default 250 ms).</summary>
    public static LiveProgress Start(IAnsiConsole console, TimeProvider clock, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(clock);
        return new LiveProgress(console, new ProgressState(clock), interval ?? TimeSpan.FromMilliseconds(250));
    }

    public void PhaseStarted(string phase, int tasks, int skipped) => _state.PhaseStarted(phase, tasks, skipped);

    public void TaskStarted(PhaseTask task, int attempt, string worker) => _state.TaskStarted(task, attempt, worker);

    public void TaskProgress(PhaseTask task, int attempt, string status) => _state.TaskProgress(task, attempt, status);

    public void WorkerJoined(string worker) => _state.WorkerJoined(worker);

    public void WorkerLeft(string worker, string reason) => _state.WorkerLeft(worker, reason);

    public void TaskCompleted(PhaseTask task, TaskSummary summary, int done, int total) => _state.TaskCompleted(task, summary, done, total);

    public void Waiting(string what) => _above.Enqueue(new Spectre.Console.Text($"waiting for {what}"));

    public void PhaseSkipped(string phase, string reason) => _above.Enqueue(new Spectre.Console.Text($"{phase}: skipped, {reason}"));

    public void TaskFailed(PhaseTask task, int attempt, string reason, bool willRetry)
    {
        _state.TaskFailed(task, attempt, reason, willRetry);
        _above.Enqueue(ProgressView.Failed(task, attempt, reason, willRetry));
    }

    public void PhaseFinished(PhaseOutcome outcome, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        _state.PhaseFinished(outcome, elapsed);
        if (_state.Phase(outcome.Phase) is { } phase)
        {
            _above.Enqueue(ProgressView.Finished(phase));
        }
    }

    public void UrlFinished(string url, int? status, string? failure, long pages, long pending, int inFlight) =>
        _state.UrlFinished(url, status, failure, pages, pending, inFlight);

    /// <summary>Draws the last lines and removes the live area; the lines above it stay.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        await _console.Live(ProgressView.Live(_state.Snapshot()))
            .AutoClear(true)
            .Overflow(VerticalOverflow.Ellipsis)
            .Cropping(VerticalOverflowCropping.Bottom)
            .StartAsync(async ctx =>
            {
                while (!_stop.IsCancellationRequested)
                {
                    Draw(ctx);
                    try
                    {
                        await Task.Delay(_interval, _stop.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        break;
                    }
                }

                Draw(ctx);
            }).ConfigureAwait(false);
    }

    private void Draw(LiveDisplayContext ctx)
    {
        while (_above.TryDequeue(out var line))
        {
            _console.Write(line);
        }

        ctx.UpdateTarget(ProgressView.Live(_state.Snapshot()));
        ctx.Refresh();
    }
}
