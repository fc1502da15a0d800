using System.Collections.Concurrent;
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

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public async Task Every_task_runs_exactly_once(int workers)
    {
        var ledger = new TaskLedger(_out);
        var executor = new RecordingExecutor(ledger);
        var outcome = await PhaseRunner.RunAsync(Sys, "p", 20, ledger, executor, workers, 3, null, CancellationToken.None);
        outcome.Succeeded.Should().BeTrue();
        outcome.Totals.Should().Be(new TaskSummary(20, 0, 200, 2000));
        executor.Runs.Select(r => r.Index).Order().Should().Equal(Enumerable.Range(0, 20));
    }

    [Fact]
    public async Task Failed_attempt_is_retried_until_it_succeeds()
    {
        var ledger = new TaskLedger(_out);
        var executor = new RecordingExecutor(ledger, new Dictionary<int, int> { [3] = 2 });
        var outcome = await PhaseRunner.RunAsync(Sys, "p", 5, ledger, executor, 2, 3, null, CancellationToken.None);
        outcome.Succeeded.Should().BeTrue();
        executor.Runs.Count(r => r.Index == 3).Should().Be(3);
        ledger.IsCommitted("p", 3).Should().BeTrue();
    }

    [Fact]
    public async Task Task_failing_every_attempt_is_reported_with_its_reason_and_others_finish()
    {
        var ledger = new TaskLedger(_out);
        var executor = new RecordingExecutor(ledger, new Dictionary<int, int> { [1] = int.MaxValue });
        var outcome = await PhaseRunner.RunAsync(Sys, "p", 4, ledger, executor, 2, 3, null, CancellationToken.None);
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
        var outcome = await PhaseRunner.RunAsync(Sys, "p", 4, ledger, executor, 2, 3, null, CancellationToken.None);
        outcome.Skipped.Should().Be(2);
        executor.Runs.Select(r => r.Index).Order().Should().Equal(1, 3);
    }

    [Fact]
    public async Task Phase_with_no_tasks_completes_at_once()
    {
        var ledger = new TaskLedger(_out);
        var outcome = await PhaseRunner.RunAsync(Sys, "p", 0, ledger, new RecordingExecutor(ledger), 2, 3, null, CancellationToken.None);
        outcome.Succeeded.Should().BeTrue();
        outcome.Tasks.Should().Be(0);
    }
}
