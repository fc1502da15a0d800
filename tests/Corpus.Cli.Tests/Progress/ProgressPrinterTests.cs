using Corpus.Cli.Commands.Progress;
using Corpus.Pipeline.Execution;

namespace Corpus.Cli.Tests.Progress;

public sealed class ProgressPrinterTests
{
    private static PhaseTask Task(int index) => new("ingest", index, PhaseTask.NameOf(index));

    [Fact]
    public void Workers_joining_and_leaving_are_lines()
    {
        using var error = new StringWriter();
        var printer = new ProgressPrinter(error, new ManualClock());
        printer.WorkerJoined("10.0.0.2:4053/worker-1");
        printer.WorkerLeft("10.0.0.2:4053/worker-1", "node unreachable");

        error.ToString().Should().Be("worker 10.0.0.2:4053/worker-1 joined\nworker 10.0.0.2:4053/worker-1 left: node unreachable\n");
    }

    [Fact]
    public void The_last_task_prints_totals_rates_and_eta_from_the_state()
    {
        using var error = new StringWriter();
        var clock = new ManualClock();
        var printer = new ProgressPrinter(error, clock);
        printer.PhaseStarted("ingest", 2, 1);
        clock.Advance(TimeSpan.FromSeconds(2));
        printer.TaskStarted(Task(1), 1, "local/worker-1");
        printer.TaskCompleted(Task(1), new TaskSummary(10, 1, 400, 0), 2, 2);
        printer.PhaseFinished(new PhaseOutcome("ingest", 2, 1, new TaskSummary(10, 1, 400, 0), []), TimeSpan.FromSeconds(2));

        error.ToString().Split('\n').Should().Equal(
            "ingest: 2 tasks, 1 already done (resuming)",
            "ingest: 2/2 tasks, 10 docs (5/s), 400 tokens (200/s), 1 rejects, ETA 00:00:00",
            "ingest: done in 2.0s, 2/2 tasks ok",
            string.Empty);
    }
}
