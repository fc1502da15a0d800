using Akka.Actor;
using Corpus.Pipeline.Execution;

namespace Corpus.Pipeline.Tests.Execution;

public sealed class TaskWorkerTests : Akka.TestKit.Xunit2.TestKit
{
    private static readonly PhaseTask Synth0 = new("synth", 0, PhaseTask.NameOf(0));

    /// <summary>Runs a body that reports; the plain overload is never what a worker calls.</summary>
    private sealed class ReportingExecutor(Func<ITaskReporter, Task> body) : ITaskExecutor
    {
        public ITaskReporter? Reporter { get; private set; }

        public Task<TaskSummary> ExecuteAsync(PhaseTask task, CancellationToken ct) => throw new InvalidOperationException("a worker calls the reporting overload");

        public async Task<TaskSummary> ExecuteAsync(PhaseTask task, ITaskReporter reporter, CancellationToken ct)
        {
            Reporter = reporter;
            await body(reporter);
            return new TaskSummary(1, 0, 0, 0);
        }
    }

    private sealed class OneExecutor(ITaskExecutor executor) : IPhaseExecutors
    {
        public ITaskExecutor For(string phase) => executor;
    }

    private Akka.TestKit.TestProbe StartWorker(ITaskExecutor executor, TimeSpan progressEvery)
    {
        var dispatcher = CreateTestProbe();
        Sys.ActorOf(TaskWorker.Props(new OneExecutor(executor), dispatcher.Ref, "local/worker-0", CancellationToken.None, progressEvery));
        dispatcher.ExpectMsg<RequestWork>();
        dispatcher.Reply(new AssignTask(Synth0, 1));
        return dispatcher;
    }

    [Fact]
    public void A_burst_of_statuses_sends_the_first_at_once_and_the_last_just_before_the_result()
    {
        var executor = new ReportingExecutor(r =>
        {
            for (var i = 1; i <= 100; i++)
            {
                r.Report($"status {i}");
            }

            return Task.CompletedTask;
        });

        var dispatcher = StartWorker(executor, TimeSpan.FromMinutes(1));

        dispatcher.ExpectMsg(new TaskProgressed(Synth0, 1, "status 1"));
        dispatcher.ExpectMsg(new TaskProgressed(Synth0, 1, "status 100"));
        dispatcher.ExpectMsg<TaskSucceeded>().Task.Should().Be(Synth0);
        dispatcher.ExpectMsg<RequestWork>();
    }

    [Fact]
    public void A_held_back_status_is_sent_when_the_interval_is_over_while_the_task_still_runs()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var executor = new ReportingExecutor(r =>
        {
            r.Report("a");
            r.Report("b");
            return release.Task;
        });

        var dispatcher = StartWorker(executor, TimeSpan.FromMilliseconds(300));

        dispatcher.ExpectMsg(new TaskProgressed(Synth0, 1, "a"));
        dispatcher.ExpectMsg(new TaskProgressed(Synth0, 1, "b"), TimeSpan.FromSeconds(5));
        release.SetResult();
        dispatcher.ExpectMsg<TaskSucceeded>();
        dispatcher.ExpectMsg<RequestWork>();
    }

    [Fact]
    public void A_status_reported_after_the_attempt_ended_is_not_sent()
    {
        var executor = new ReportingExecutor(_ => Task.CompletedTask);
        var dispatcher = StartWorker(executor, TimeSpan.FromMilliseconds(1));
        dispatcher.ExpectMsg<TaskSucceeded>();
        dispatcher.ExpectMsg<RequestWork>();

        executor.Reporter!.Report("late");

        dispatcher.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
    }
}
