using Corpus.Cli.Commands.Progress;
using Corpus.Pipeline.Execution;
using Spectre.Console.Testing;

namespace Corpus.Cli.Tests.Progress;

public sealed class ProgressViewTests : IDisposable
{
    private readonly ManualClock _clock = new();
    private readonly ProgressState _state;
    private readonly TestConsole _console = new TestConsole().Width(160);

    public ProgressViewTests() => _state = new ProgressState(_clock);

    public void Dispose() => _console.Dispose();

    private static PhaseTask Task(int index, string phase = "ingest") => new(phase, index, PhaseTask.NameOf(index));

    [Fact]
    public void Live_area_shows_the_running_phase_with_its_rates_and_eta()
    {
        _state.PhaseStarted("ingest", 10, 0);
        _clock.Advance(TimeSpan.FromSeconds(4));
        _state.TaskCompleted(Task(0), new TaskSummary(100, 3, 2_000, 0), 1, 10);
        _state.TaskCompleted(Task(1), new TaskSummary(60, 1, 1_000, 0), 2, 10);

        _console.Write(ProgressView.Live(_state.Snapshot()));

        _console.Output.Should().Contain("ingest")
            .And.Contain(new string('━', 6) + new string('─', 24) + " ", "2 of 10 tasks fill a fifth of the 30-cell bar")
            .And.Contain("2/10 tasks")
            .And.Contain("40 docs/s")
            .And.Contain("750 tokens/s")
            .And.Contain("4 rejects")
            .And.Contain("ETA 16s");
    }

    [Fact]
    public void A_busy_workers_row_shows_what_its_task_last_reported()
    {
        _state.PhaseStarted("synth", 1, 0);
        _state.TaskStarted(Task(0, "synth"), 1, "local/worker-0");
        _clock.Advance(TimeSpan.FromSeconds(185));
        _state.TaskProgress(Task(0, "synth"), 1, "3/8 problems, 205.0 tokens/s");

        var worker = _state.Snapshot().Workers.Single();
        ProgressView.Doing(worker).Should().Be("synth part-00000 for 3m05s: 3/8 problems, 205.0 tokens/s");
        _console.Write(ProgressView.Live(_state.Snapshot()));
        _console.Lines.Single(l => l.Contains("worker-0", StringComparison.Ordinal)).Should().Contain("synth part-00000 for 3m05s: 3/8 problems, 205.0 tokens/s");
    }

    [Fact]
    public void Live_area_lists_workers_by_node_with_what_each_does()
    {
        _state.PhaseStarted("filter", 10, 0);
        _state.WorkerJoined("10.0.0.2:4053/worker-1");
        _state.WorkerJoined("10.0.0.2:4053/worker-2");
        _state.WorkerJoined("10.0.0.3:4053/worker-1");
        _state.TaskStarted(Task(2, "filter"), 1, "10.0.0.2:4053/worker-1");
        _state.TaskStarted(Task(5, "filter"), 3, "10.0.0.3:4053/worker-1");
        _clock.Advance(TimeSpan.FromSeconds(75));
        _state.WorkerLeft("10.0.0.2:4053/worker-2", "node unreachable");

        _console.Write(ProgressView.Live(_state.Snapshot()));

        var lines = _console.Lines;
        var rows = lines.Where(l => l.Contains("worker-", StringComparison.Ordinal)).ToList();
        rows.Should().HaveCount(3);
        rows[0].Should().Contain("10.0.0.2:4053").And.Contain("worker-1").And.Contain("filter part-00002 for 1m15s");
        rows[1].Should().NotContain("10.0.0.2:4053", "the node is named once, on its first worker's row").And.Contain("worker-2").And.Contain("left: node unreachable");
        rows[2].Should().Contain("10.0.0.3:4053").And.Contain("filter part-00005 attempt 3 for 1m15s");
    }

    [Fact]
    public void Live_area_shows_the_crawl_while_it_runs_and_leaves_out_finished_phases()
    {
        _state.UrlFinished("http://a/", 200, null, 1, 0, 1);
        _clock.Advance(TimeSpan.FromSeconds(2));
        _state.UrlFinished("http://a/b", 200, null, 1_200, 345, 8);
        _console.Write(ProgressView.Live(_state.Snapshot()));
        _console.Output.Should().Contain("crawl: 1,200 pages (600/s), 345 waiting, 8 in flight");

        _state.PhaseStarted("ingest", 1, 0);
        _state.PhaseFinished(new PhaseOutcome("ingest", 1, 0, TaskSummary.Empty, []), TimeSpan.FromSeconds(1));
        _state.PhaseStarted("tokenize", 3, 0);
        using var after = new TestConsole().Width(160);
        after.Write(ProgressView.Live(_state.Snapshot()));
        after.Output.Should().NotContain("crawl:").And.NotContain("ingest").And.Contain("tokenize").And.Contain("0/3 tasks").And.Contain("ETA ?");

        _state.PhaseFinished(new PhaseOutcome("tokenize", 3, 0, TaskSummary.Empty, []), TimeSpan.FromSeconds(1));
        using var between = new TestConsole().Width(160);
        between.Write(ProgressView.Live(_state.Snapshot()));
        between.Output.Trim().Should().Be("2 phase(s) done");
    }

    [Fact]
    public void A_finished_phase_is_one_line_with_its_time_tasks_and_totals()
    {
        _state.PhaseStarted("dedup", 4, 1);
        _state.PhaseFinished(
            new PhaseOutcome("dedup", 4, 1, new TaskSummary(1_234, 56, 7_890_000, 0), [new FailedTask(Task(3, "dedup"), 3, "boom")]),
            TimeSpan.FromSeconds(12.34));

        _console.Write(ProgressView.Finished(_state.Phase("dedup")!));

        _console.Lines.Where(l => l.Length > 0).Should().ContainSingle()
            .Which.Should().Contain("dedup done in 12.3s: 3/4 tasks ok, 1,234 docs, 7,890,000 tokens, 56 rejects, 1 resumed");
    }

    [Fact]
    public void A_failed_attempt_line_names_the_task_attempt_reason_and_retry()
    {
        _console.Write(ProgressView.Failed(Task(7), 2, "disk [full]", willRetry: true));

        _console.Output.Should().Contain("ingest: task part-00007 attempt 2 failed: disk [full]; retrying");
    }

    [Theory]
    [InlineData(0, "0s")]
    [InlineData(59.9, "59s")]
    [InlineData(61, "1m01s")]
    [InlineData(3_725, "1h02m")]
    public void Durations_read_as_seconds_minutes_or_hours(double seconds, string expected) =>
        ProgressView.Duration(TimeSpan.FromSeconds(seconds)).Should().Be(expected);
}
