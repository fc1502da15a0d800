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
    public void A_tasks_status_is_a_line_at_most_every_two_seconds_and_the_held_back_one_before_it_ends()
    {
        using var error = new StringWriter();
        var clock = new ManualClock();
        var printer = new ProgressPrinter(error, clock);
        var synth = new PhaseTask("synth", 0, PhaseTask.NameOf(0));
        printer.PhaseStarted("synth", 1, 0);
        printer.TaskStarted(synth, 1, "local/worker-0");

        printer.TaskProgress(synth, 1, "1/4 problems");
        clock.Advance(TimeSpan.FromSeconds(1));
        printer.TaskProgress(synth, 1, "2/4 problems");
        clock.Advance(TimeSpan.FromSeconds(1));
        printer.TaskProgress(synth, 1, "3/4 problems");
        clock.Advance(TimeSpan.FromSeconds(1));
        printer.TaskProgress(synth, 1, "4/4 problems");
        printer.TaskProgress(synth, 2, "not the attempt its worker holds");
        printer.TaskCompleted(synth, new TaskSummary(4, 0, 0, 0), 1, 1);

        error.ToString().Split('\n').Should().StartWith(
        [
            "synth: 1 tasks",
            "synth part-00000: 1/4 problems",
            "synth part-00000: 3/4 problems",
            "synth part-00000: 4/4 problems",
        ]);
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
