using System.Collections.Concurrent;
using Akka.Actor;
using Corpus.Pipeline.Execution;

namespace Corpus.Pipeline.Tests.Execution;

public sealed class PhaseRunnerTests : Akka.TestKit.Xunit2.TestKit, IDisposable
{
    private readonly string _out = Path.Combine(Path.GetTempPath(), "corpus-phase-" + Guid.NewGuid().ToString("N"));

    void IDisposable.Dispose()
    {
        if (Directory.Exists(_out))
        {
            Directory.Delete(_out, recursive: true);
        }

        Shutdown();
    }

    /// <summary>Records runs, fails the tasks it is told to (a number of times or always), commits the rest to the ledger.</summary>
    private sealed class RecordingExecutor(TaskLedger ledger, IReadOnlyDictionary<int, int>? failures = null) : ITaskExecutor
    {
        private readonly ConcurrentDictionary<int, int> _failuresLeft = new(failures ?? new Dictionary<int, int>());

        public ConcurrentBag<(int Index, int Thread)> Runs { get; } = [];

        public async Task<TaskSummary> ExecuteAsync(PhaseTask task, CancellationToken ct)
        {
            Runs.Add((task.Index, Environment.CurrentManagedThreadId));
            await Task.Delay(5, ct);
            if (_failuresLeft.TryGetValue(task.Index, out var left) && left > 0)
            {
                _failuresLeft[task.Index] = left - 1;
                throw new InvalidDataException($"task {task.Index} broke");
            }

            ledger.Commit(task.Phase, task.Index, new { task.Index });
            return new TaskSummary(1, 0, 10, 100);
        }
    }

    /// <summary>Executes one given task index only after <c>Release</c>; the others at once.</summary>
    private sealed class GatedExecutor(TaskLedger ledger, int gated) : ITaskExecutor
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>The held attempt has finished (after <see cref="Release"/>).</summary>
        public TaskCompletionSource HeldDone { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ConcurrentBag<int> Runs { get; } = [];

        public async Task<TaskSummary> ExecuteAsync(PhaseTask task, CancellationToken ct)
        {
            Runs.Add(task.Index);
            var held = task.Index == gated && Started.TrySetResult();
            if (held)
            {
                await Release.Task.WaitAsync(ct);
            }

            ledger.Commit(task.Phase, task.Index, new { task.Index });
            if (held)
            {
                HeldDone.TrySetResult();
            }

            return new TaskSummary(1, 0, 10, 100);
        }
    }

    private sealed class OneExecutor(ITaskExecutor executor) : IPhaseExecutors
    {
        public ITaskExecutor For(string phase) => executor;
    }

    private sealed class WorkerEvents : IPhaseObserver
    {
        public ConcurrentQueue<string> Events { get; } = new();

        public void PhaseStarted(string phase, int tasks, int skipped)
        {
        }

        public void TaskStarted(PhaseTask task, int attempt, string worker) => Events.Enqueue($"start {task.Index} {attempt} {worker}");

        public void WorkerJoined(string worker) => Events.Enqueue($"joined {worker}");

        public void WorkerLeft(string worker, string reason) => Events.Enqueue($"left {worker}: {reason}");

        public void TaskCompleted(PhaseTask task, TaskSummary summary, int done, int total)
        {
        }

        public void TaskFailed(PhaseTask task, int attempt, string reason, bool willRetry) => Events.Enqueue($"failed {task.Index} {attempt}: {reason}");

        public void PhaseFinished(PhaseOutcome outcome, TimeSpan elapsed)
        {
        }
    }

    private (IActorRef Dispatcher, IActorRef[] Workers) Start(ITaskExecutor executor, int workers, IPhaseObserver? observer = null)
    {
        var dispatcher = Sys.ActorOf(BuildDispatcher.Props(CancellationToken.None));
        var refs = Enumerable.Range(0, workers)
            .Select(i => Sys.ActorOf(TaskWorker.Props(new OneExecutor(executor), dispatcher, $"local/worker-{i}", CancellationToken.None)))
            .ToArray();
        return (dispatcher, refs);
    }

    private Task<PhaseOutcome> Run(string phase, int tasks, TaskLedger ledger, ITaskExecutor executor, int workers) =>
        PhaseRunner.RunAsync(Start(executor, workers).Dispatcher, phase, tasks, ledger, 3, null, CancellationToken.None);

    [Fact]
    public async Task Task_held_by_a_worker_that_stops_is_run_again_by_another()
    {
        var ledger = new TaskLedger(_out);
        var executor = new GatedExecutor(ledger, gated: 2);
        var events = new WorkerEvents();
        var (dispatcher, workers) = Start(executor, 2, events);
        var phase = PhaseRunner.RunAsync(dispatcher, "p", 6, ledger, 3, events, CancellationToken.None);
        await executor.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var holder = events.Events.Single(e => e.StartsWith("start 2 1 ", StringComparison.Ordinal))["start 2 1 ".Length..];
        Sys.Stop(workers[int.Parse(holder[^1..], System.Globalization.CultureInfo.InvariantCulture)]);
        var outcome = await phase.WaitAsync(TimeSpan.FromSeconds(10));
        outcome.Succeeded.Should().BeTrue();
        Enumerable.Range(0, 6).Should().OnlyContain(i => ledger.IsCommitted("p", i));
        executor.Runs.Count(i => i == 2).Should().Be(2);
        events.Events.Should().Contain($"left {holder}: it stopped")
            .And.Contain(e => e.StartsWith("failed 2 1: worker " + holder + " was lost", StringComparison.Ordinal))
            .And.Contain(e => e.StartsWith("start 2 2 ", StringComparison.Ordinal) && !e.EndsWith(holder, StringComparison.Ordinal));
        executor.Release.TrySetResult();
        await executor.HeldDone.Task.WaitAsync(TimeSpan.FromSeconds(10)); // the stopped worker's attempt ends before the folder goes
    }

    [Fact]
    public async Task Workers_live_across_phases_and_stop_when_the_build_finishes()
    {
        var ledger = new TaskLedger(_out);
        var executor = new RecordingExecutor(ledger);
        var events = new WorkerEvents();
        var (dispatcher, workers) = Start(executor, 2, events);
        (await PhaseRunner.RunAsync(dispatcher, "a", 3, ledger, 3, events, CancellationToken.None)).Succeeded.Should().BeTrue();
        (await PhaseRunner.RunAsync(dispatcher, "b", 3, ledger, 3, events, CancellationToken.None)).Succeeded.Should().BeTrue();
        events.Events.Count(e => e.StartsWith("joined", StringComparison.Ordinal)).Should().Be(2);
        var probe = CreateTestProbe();
        foreach (var w in workers)
        {
            probe.Watch(w);
        }

        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        dispatcher.Tell(new FinishBuild(stopped, TimeSpan.FromSeconds(30)));
        await stopped.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var gone = new[] { probe.ExpectMsg<Terminated>().ActorRef, probe.ExpectMsg<Terminated>().ActorRef };
        gone.Should().BeEquivalentTo(workers);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public async Task Every_task_runs_exactly_once(int workers)
    {
        var ledger = new TaskLedger(_out);
        var executor = new RecordingExecutor(ledger);
        var outcome = await Run("p", 20, ledger, executor, workers);
        outcome.Succeeded.Should().BeTrue();
        outcome.Totals.Should().Be(new TaskSummary(20, 0, 200, 2000));
        executor.Runs.Select(r => r.Index).Order().Should().Equal(Enumerable.Range(0, 20));
    }

    [Fact]
    public async Task Failed_attempt_is_retried_until_it_succeeds()
    {
        var ledger = new TaskLedger(_out);
        var executor = new RecordingExecutor(ledger, new Dictionary<int, int> { [3] = 2 });
        var outcome = await Run("p", 5, ledger, executor, 2);
        outcome.Succeeded.Should().BeTrue();
        executor.Runs.Count(r => r.Index == 3).Should().Be(3);
        ledger.IsCommitted("p", 3).Should().BeTrue();
    }

    [Fact]
    public async Task Task_failing_every_attempt_is_reported_with_its_reason_and_others_finish()
    {
        var ledger = new TaskLedger(_out);
        var executor = new RecordingExecutor(ledger, new Dictionary<int, int> { [1] = int.MaxValue });
        var outcome = await Run("p", 4, ledger, executor, 2);
        outcome.Succeeded.Should().BeFalse();
        var failed = outcome.Failed.Should().ContainSingle().Which;
        failed.Task.Name.Should().Be("part-00001");
        failed.Attempts.Should().Be(3);
        failed.Reason.Should().Contain("InvalidDataException").And.Contain("task 1 broke");
        new[] { 0, 2, 3 }.Should().OnlyContain(i => ledger.IsCommitted("p", i));
        ledger.IsCommitted("p", 1).Should().BeFalse();
    }

    [Fact]
    public async Task Committed_tasks_are_skipped_on_a_rerun()
    {
        var ledger = new TaskLedger(_out);
        ledger.Commit("p", 0, new { Index = 0 });
        ledger.Commit("p", 2, new { Index = 2 });
        var executor = new RecordingExecutor(ledger);
        var outcome = await Run("p", 4, ledger, executor, 2);
        outcome.Skipped.Should().Be(2);
        executor.Runs.Select(r => r.Index).Order().Should().Equal(1, 3);
    }

    [Fact]
    public async Task Phase_with_no_tasks_completes_at_once()
    {
        var ledger = new TaskLedger(_out);
        var outcome = await Run("p", 0, ledger, new RecordingExecutor(ledger), 2);
        outcome.Succeeded.Should().BeTrue();
        outcome.Tasks.Should().Be(0);
    }
}
