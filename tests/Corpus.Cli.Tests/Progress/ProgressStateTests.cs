using Corpus.Cli.Commands.Progress;
using Corpus.Pipeline.Execution;

namespace Corpus.Cli.Tests.Progress;

public sealed class ProgressStateTests
{
    private readonly ManualClock _clock = new();
    private readonly ProgressState _state;

    public ProgressStateTests() => _state = new ProgressState(_clock);

    private static PhaseTask Task(int index, string phase = "ingest") => new(phase, index, PhaseTask.NameOf(index));

    private static TaskSummary Summary(long documents, long tokens, long rejects = 0) => new(documents, rejects, tokens, 0);

    private static PhaseOutcome Outcome(string phase, int tasks, int skipped, TaskSummary totals, params FailedTask[] failed) => new(phase, tasks, skipped, totals, failed);

    private WorkerProgress Worker(string name) => _state.Snapshot().Workers.Single(w => w.Name == name);

    [Fact]
    public void Rates_are_this_runs_documents_and_tokens_over_the_phase_time()
    {
        _state.PhaseStarted("ingest", 10, 0);
        _clock.Advance(TimeSpan.FromSeconds(4));
        _state.TaskCompleted(Task(0), Summary(100, 2_000, 3), 1, 10);
        _state.TaskCompleted(Task(1), Summary(60, 1_000, 1), 2, 10);

        var phase = _state.Phase("ingest")!;
        phase.Elapsed.Should().Be(TimeSpan.FromSeconds(4));
        phase.DocumentsPerSecond.Should().Be(40);
        phase.TokensPerSecond.Should().Be(750);
        phase.Totals.Rejects.Should().Be(4);
        phase.Done.Should().Be(2);
    }

    [Fact]
    public void Eta_is_this_runs_time_per_task_times_the_tasks_left()
    {
        _state.PhaseStarted("ingest", 10, 0);
        _state.Phase("ingest")!.Eta.Should().BeNull("no task is done, so there is no pace yet");
        _clock.Advance(TimeSpan.FromSeconds(6));
        _state.TaskCompleted(Task(0), Summary(1, 1), 1, 10);
        _state.TaskCompleted(Task(1), Summary(1, 1), 2, 10);

        _state.Phase("ingest")!.Eta.Should().Be(TimeSpan.FromSeconds(24), "3 s a task, 8 tasks left");
    }

    [Fact]
    public void Eta_on_a_resumed_phase_counts_only_the_tasks_this_run_did()
    {
        _state.PhaseStarted("tokenize", 10, 6);
        _state.Phase("tokenize")!.Eta.Should().BeNull("the 6 skipped tasks took no time in this run");
        _clock.Advance(TimeSpan.FromSeconds(5));
        _state.TaskCompleted(Task(6, "tokenize"), Summary(1, 1), 7, 10);

        var phase = _state.Phase("tokenize")!;
        phase.Eta.Should().Be(TimeSpan.FromSeconds(15), "5 s for the one task done here, 3 left");
        phase.Done.Should().Be(7);
    }

    [Fact]
    public void A_finished_phase_keeps_the_outcomes_totals_and_its_elapsed_time_and_has_no_eta()
    {
        _state.PhaseStarted("ingest", 2, 0);
        _clock.Advance(TimeSpan.FromSeconds(1));
        _state.TaskCompleted(Task(0), Summary(10, 100), 1, 2);
        _state.TaskFailed(Task(1), 1, "boom", willRetry: false);
        _state.PhaseFinished(Outcome("ingest", 2, 0, Summary(10, 100), new FailedTask(Task(1), 1, "boom")), TimeSpan.FromSeconds(2));
        _clock.Advance(TimeSpan.FromMinutes(1));

        var phase = _state.Phase("ingest")!;
        phase.Finished.Should().BeTrue();
        phase.Elapsed.Should().Be(TimeSpan.FromSeconds(2), "the clock stops when the phase ends");
        phase.TokensPerSecond.Should().Be(50);
        phase.Eta.Should().Be(TimeSpan.Zero);
        phase.FailedTasks.Should().Be(1);
        phase.FailedAttempts.Should().Be(1);
        phase.Done.Should().Be(1);
    }

    [Fact]
    public void A_worker_is_idle_when_it_joins_busy_while_it_runs_a_task_and_idle_after_it()
    {
        _state.PhaseStarted("ingest", 4, 0);
        _state.WorkerJoined("local/worker-1");
        Worker("local/worker-1").Status.Should().Be(WorkerStatus.Idle);

        _state.TaskStarted(Task(2), 1, "local/worker-1");
        _clock.Advance(TimeSpan.FromSeconds(7));
        var busy = Worker("local/worker-1");
        busy.Status.Should().Be(WorkerStatus.Busy);
        busy.Task.Should().Be(Task(2));
        busy.Attempt.Should().Be(1);
        busy.Since.Should().Be(TimeSpan.FromSeconds(7));

        _state.TaskCompleted(Task(2), Summary(1, 1), 1, 4);
        var idle = Worker("local/worker-1");
        idle.Status.Should().Be(WorkerStatus.Idle);
        idle.Task.Should().BeNull();
        idle.TasksDone.Should().Be(1);
        idle.Since.Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public void A_busy_worker_shows_its_tasks_latest_status_until_the_task_ends()
    {
        _state.PhaseStarted("synth", 2, 0);
        _state.TaskStarted(Task(0, "synth"), 1, "local/worker-1");
        Worker("local/worker-1").Detail.Should().BeNull("the task has said nothing yet");

        _state.TaskProgress(Task(0, "synth"), 1, "1/8 problems");
        _state.TaskProgress(Task(0, "synth"), 1, "2/8 problems");
        Worker("local/worker-1").Detail.Should().Be("2/8 problems");
        _state.TaskStatus(Task(0, "synth")).Should().Be("2/8 problems");

        _state.TaskCompleted(Task(0, "synth"), Summary(4, 0), 1, 2);
        Worker("local/worker-1").Detail.Should().BeNull();
        _state.TaskStatus(Task(0, "synth")).Should().BeNull();

        _state.TaskStarted(Task(1, "synth"), 1, "local/worker-1");
        Worker("local/worker-1").Detail.Should().BeNull("a new task starts without the last one's status");
    }

    [Fact]
    public void A_status_of_an_attempt_the_worker_does_not_hold_is_ignored_and_a_failure_or_leaving_clears_it()
    {
        _state.PhaseStarted("synth", 2, 0);
        _state.TaskStarted(Task(0, "synth"), 2, "local/worker-1");
        _state.TaskProgress(Task(0, "synth"), 1, "from the first attempt");
        _state.TaskProgress(Task(1, "synth"), 1, "from a task no one holds");
        Worker("local/worker-1").Detail.Should().BeNull();

        _state.TaskProgress(Task(0, "synth"), 2, "half way");
        _state.TaskFailed(Task(0, "synth"), 2, "boom", willRetry: true);
        Worker("local/worker-1").Detail.Should().BeNull();

        _state.TaskStarted(Task(0, "synth"), 3, "local/worker-2");
        _state.TaskProgress(Task(0, "synth"), 3, "again");
        _state.WorkerLeft("local/worker-2", "it stopped");
        Worker("local/worker-2").Detail.Should().BeNull();
    }

    [Fact]
    public void A_failed_attempt_frees_its_worker_and_the_retry_shows_its_attempt_number()
    {
        _state.PhaseStarted("ingest", 4, 0);
        _state.TaskStarted(Task(0), 1, "local/worker-1");
        _state.TaskFailed(Task(0), 1, "disk full", willRetry: true);
        Worker("local/worker-1").Status.Should().Be(WorkerStatus.Idle);

        _state.TaskStarted(Task(0), 2, "local/worker-2");
        var retry = Worker("local/worker-2");
        retry.Status.Should().Be(WorkerStatus.Busy);
        retry.Attempt.Should().Be(2);
        _state.Phase("ingest")!.FailedAttempts.Should().Be(1);
        _state.Phase("ingest")!.FailedTasks.Should().Be(0, "the task is retried");
    }

    [Fact]
    public void A_worker_that_left_keeps_its_reason_and_its_task_goes_to_another()
    {
        _state.PhaseStarted("ingest", 4, 0);
        _state.TaskStarted(Task(1), 1, "10.0.0.2:4053/worker-1");
        _state.WorkerLeft("10.0.0.2:4053/worker-1", "node unreachable");
        var left = Worker("10.0.0.2:4053/worker-1");
        left.Status.Should().Be(WorkerStatus.Left);
        left.LeftReason.Should().Be("node unreachable");
        left.Task.Should().BeNull();

        _state.TaskStarted(Task(1), 2, "10.0.0.3:4053/worker-1");
        _state.TaskCompleted(Task(1), Summary(1, 1), 1, 4);
        Worker("10.0.0.3:4053/worker-1").TasksDone.Should().Be(1);
        Worker("10.0.0.3:4053/worker-1").Status.Should().Be(WorkerStatus.Idle);
        Worker("10.0.0.2:4053/worker-1").TasksDone.Should().Be(0);
    }

    [Fact]
    public void A_worker_that_joins_again_after_leaving_is_idle()
    {
        _state.WorkerJoined("h:1/worker-1");
        _state.WorkerLeft("h:1/worker-1", "node left");
        _state.WorkerJoined("h:1/worker-1");

        var w = Worker("h:1/worker-1");
        w.Status.Should().Be(WorkerStatus.Idle);
        w.LeftReason.Should().BeNull();
    }

    [Fact]
    public void A_completion_heard_before_its_start_leaves_the_worker_idle()
    {
        _state.PhaseStarted("ingest", 4, 0);
        _state.TaskCompleted(Task(3), Summary(5, 50), 1, 4);
        _state.TaskStarted(Task(3), 1, "local/worker-1");

        Worker("local/worker-1").Status.Should().Be(WorkerStatus.Idle, "the task it would be busy with is already committed");
        _state.Phase("ingest")!.Totals.Documents.Should().Be(5);
    }

    [Fact]
    public void A_failure_heard_before_its_start_leaves_the_worker_idle_but_a_later_attempt_counts()
    {
        _state.PhaseStarted("ingest", 4, 0);
        _state.TaskFailed(Task(0), 1, "boom", willRetry: true);
        _state.TaskStarted(Task(0), 1, "local/worker-1");
        Worker("local/worker-1").Status.Should().Be(WorkerStatus.Idle);

        _state.TaskStarted(Task(0), 2, "local/worker-1");
        Worker("local/worker-1").Status.Should().Be(WorkerStatus.Busy);
    }

    [Fact]
    public void A_start_heard_after_its_worker_left_does_not_bring_it_back()
    {
        _state.PhaseStarted("ingest", 4, 0);
        _state.WorkerLeft("h:1/worker-2", "node died");
        _state.TaskStarted(Task(0), 1, "h:1/worker-2");

        Worker("h:1/worker-2").Status.Should().Be(WorkerStatus.Left);
    }

    [Fact]
    public void The_previous_tasks_late_completion_counts_for_its_worker_without_ending_the_next_task()
    {
        _state.PhaseStarted("ingest", 4, 0);
        _state.TaskStarted(Task(0), 1, "local/worker-1");
        _state.TaskStarted(Task(1), 1, "local/worker-1");
        _state.TaskCompleted(Task(0), Summary(1, 1), 1, 4);

        var w = Worker("local/worker-1");
        w.Status.Should().Be(WorkerStatus.Busy);
        w.Task.Should().Be(Task(1));
        w.TasksDone.Should().Be(1);
    }

    [Fact]
    public void Done_counts_that_arrive_out_of_order_never_go_back()
    {
        _state.PhaseStarted("ingest", 4, 0);
        _state.TaskCompleted(Task(1), Summary(1, 1), 2, 4);
        _state.TaskCompleted(Task(0), Summary(1, 1), 1, 4);

        _state.Phase("ingest")!.Done.Should().Be(2);
        _state.Phase("ingest")!.Totals.Documents.Should().Be(2);
    }

    [Fact]
    public void A_completion_heard_twice_counts_once()
    {
        _state.PhaseStarted("ingest", 4, 0);
        _state.TaskCompleted(Task(1), Summary(3, 30), 1, 4);
        _state.TaskCompleted(Task(1), Summary(3, 30), 1, 4);

        _state.Phase("ingest")!.Totals.Should().Be(Summary(3, 30));
    }

    [Fact]
    public void Task_calls_before_the_phase_start_are_kept_when_it_arrives()
    {
        _state.TaskCompleted(Task(4), Summary(2, 20), 5, 8);
        _state.PhaseStarted("ingest", 8, 4);

        var phases = _state.Snapshot().Phases;
        phases.Should().ContainSingle();
        phases[0].Skipped.Should().Be(4);
        phases[0].Done.Should().Be(5);
        phases[0].Totals.Documents.Should().Be(2);
    }

    [Fact]
    public void Calls_after_a_phase_finished_change_nothing()
    {
        _state.PhaseStarted("ingest", 1, 0);
        _state.TaskStarted(Task(0), 1, "local/worker-1");
        _state.PhaseFinished(Outcome("ingest", 1, 0, Summary(1, 1)), TimeSpan.FromSeconds(1));
        Worker("local/worker-1").Status.Should().Be(WorkerStatus.Idle, "a phase that ended has no task running");

        _state.TaskStarted(Task(0), 1, "local/worker-1");
        _state.TaskCompleted(Task(0), Summary(9, 9), 1, 1);

        Worker("local/worker-1").Status.Should().Be(WorkerStatus.Idle);
        _state.Phase("ingest")!.Totals.Should().Be(Summary(1, 1));
    }

    [Fact]
    public void Workers_are_listed_by_node_and_then_by_number()
    {
        foreach (var w in new[] { "b:1/worker-10", "local/worker-2", "b:1/worker-9", "a:1/worker-1", "local/worker-10" })
        {
            _state.WorkerJoined(w);
        }

        _state.Snapshot().Workers.Select(w => w.Name).Should().Equal("a:1/worker-1", "b:1/worker-9", "b:1/worker-10", "local/worker-2", "local/worker-10");
        Worker("b:1/worker-9").Node.Should().Be("b:1");
        Worker("b:1/worker-9").Worker.Should().Be("worker-9");
    }

    [Fact]
    public void The_crawl_rate_is_pages_over_its_time_and_it_ends_when_a_phase_starts()
    {
        _state.UrlFinished("http://a/", 200, null, 1, 10, 2);
        _clock.Advance(TimeSpan.FromSeconds(2));
        _state.UrlFinished("http://a/b", 200, null, 41, 7, 3);
        var crawl = _state.Crawl()!;
        crawl.PagesPerSecond.Should().Be(20.5);
        crawl.Pending.Should().Be(7);
        crawl.InFlight.Should().Be(3);
        crawl.Active.Should().BeTrue();

        _clock.Advance(TimeSpan.FromSeconds(10));
        _state.PhaseStarted("ingest", 1, 0);
        crawl = _state.Crawl()!;
        crawl.Active.Should().BeFalse();
        crawl.Elapsed.Should().Be(TimeSpan.FromSeconds(2), "the crawl's time ends at its last page");
    }

    [Fact]
    public void Calls_from_many_threads_add_up()
    {
        const int Tasks = 2_000;
        _state.PhaseStarted("ingest", Tasks, 0);
        Parallel.For(0, Tasks, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var worker = $"local/worker-{i % 8}";
            _state.TaskStarted(Task(i), 1, worker);
            _state.TaskCompleted(Task(i), Summary(1, 10), i + 1, Tasks);
            _ = _state.Snapshot();
        });

        var snapshot = _state.Snapshot();
        snapshot.Phases[0].Totals.Should().Be(Summary(Tasks, Tasks * 10L));
        snapshot.Phases[0].Done.Should().Be(Tasks);
        snapshot.Workers.Sum(w => w.TasksDone).Should().Be(Tasks);
        snapshot.Workers.Should().OnlyContain(w => w.Status == WorkerStatus.Idle);
    }
}
