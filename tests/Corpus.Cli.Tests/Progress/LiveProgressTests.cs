using Corpus.Cli.Commands.Progress;
using Corpus.Pipeline.Execution;
using Spectre.Console.Testing;

namespace Corpus.Cli.Tests.Progress;

public sealed class LiveProgressTests
{
    private static PhaseTask Task(int index) => new("ingest", index, PhaseTask.NameOf(index));

    [Fact]
    public async Task Failures_and_finished_phases_stay_as_lines_and_the_live_area_shows_workers()
    {
        // Read while the display's loop draws: a plain TestConsole's output is not safe to read then.
        using var console = new LockedTestConsole(160);
        var clock = new ManualClock();
        var live = LiveProgress.Start(console, clock, TimeSpan.FromMilliseconds(10));
        live.PhaseStarted("ingest", 2, 0);
        live.WorkerJoined("local/worker-1");
        live.TaskStarted(Task(0), 1, "local/worker-1");
        live.TaskFailed(Task(0), 1, "disk full", willRetry: true);
        live.TaskStarted(Task(0), 2, "local/worker-1");
        clock.Advance(TimeSpan.FromSeconds(3));

        // Wait until a frame shows the busy worker: drawing happens on the display's own loop.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!console.Output.Contains("ingest part-00000 attempt 2 for 3s", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
        {
            await System.Threading.Tasks.Task.Delay(10);
        }

        console.Output.Should().Contain("ingest part-00000 attempt 2 for 3s").And.Contain("worker-1").And.Contain("0/2 tasks");

        live.TaskCompleted(Task(0), new TaskSummary(5, 0, 50, 0), 1, 2);
        live.PhaseFinished(new PhaseOutcome("ingest", 2, 0, new TaskSummary(5, 0, 50, 0), [new FailedTask(Task(1), 3, "bad")]), TimeSpan.FromSeconds(3));
        await live.DisposeAsync();

        var output = console.Output;
        output.Should().Contain("ingest: task part-00000 attempt 1 failed: disk full; retrying");
        output.Should().Contain("ingest done in 3.0s: 1/2 tasks ok, 5 docs, 50 tokens, 0 rejects");
        output.IndexOf("failed: disk full", StringComparison.Ordinal).Should().BeLessThan(output.IndexOf("ingest done in", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Observer_calls_from_many_threads_while_it_draws_are_all_counted()
    {
        using var console = new TestConsole().Width(160);
        var live = LiveProgress.Start(console, TimeProvider.System, TimeSpan.FromMilliseconds(1));
        const int Tasks = 500;
        live.PhaseStarted("ingest", Tasks, 0);
        await Parallel.ForAsync(0, Tasks, async (i, _) =>
        {
            live.TaskStarted(Task(i), 1, $"local/worker-{i % 4}");
            await System.Threading.Tasks.Task.Yield();
            live.TaskCompleted(Task(i), new TaskSummary(1, 0, 1, 0), i + 1, Tasks);
        });
        live.PhaseFinished(new PhaseOutcome("ingest", Tasks, 0, new TaskSummary(Tasks, 0, Tasks, 0), []), TimeSpan.FromSeconds(1));
        await live.DisposeAsync();

        console.Output.Should().Contain($"ingest done in 1.0s: {Tasks}/{Tasks} tasks ok, {Tasks} docs");
    }
}
