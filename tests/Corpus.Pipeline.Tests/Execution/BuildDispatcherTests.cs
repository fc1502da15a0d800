using System.Collections.Concurrent;
using Akka.Actor;
using Corpus.Pipeline.Execution;

namespace Corpus.Pipeline.Tests.Execution;

public sealed class BuildDispatcherTests : Akka.TestKit.Xunit2.TestKit
{
    private sealed class ProgressEvents : IPhaseObserver
    {
        public ConcurrentQueue<string> Statuses { get; } = new();

        public void PhaseStarted(string phase, int tasks, int skipped)
        {
        }

        public void TaskProgress(PhaseTask task, int attempt, string status) => Statuses.Enqueue($"{task.Name} {attempt}: {status}");

        public void TaskCompleted(PhaseTask task, TaskSummary summary, int done, int total)
        {
        }

        public void TaskFailed(PhaseTask task, int attempt, string reason, bool willRetry)
        {
        }

        public void PhaseFinished(PhaseOutcome outcome, TimeSpan elapsed)
        {
        }
    }

    [Fact]
    public async Task Task_progress_reaches_the_observer_only_while_its_worker_holds_that_attempt()
    {
        var events = new ProgressEvents();
        var dispatcher = Sys.ActorOf(BuildDispatcher.Props(CancellationToken.None));
        var worker = CreateTestProbe();
        var other = CreateTestProbe();
        PhaseTask[] tasks = [new("synth", 0, PhaseTask.NameOf(0)), new("synth", 1, PhaseTask.NameOf(1))];
        var promise = new TaskCompletionSource<PhaseOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        var done = new TaskSummary(1, 0, 0, 0);
        dispatcher.Tell(new StartPhase("synth", tasks, 0, 3, promise, events));

        dispatcher.Tell(new RequestWork("local/worker-0"), worker.Ref);
        worker.ExpectMsg(new AssignTask(tasks[0], 1));
        dispatcher.Tell(new TaskProgressed(tasks[0], 1, "half way"), worker.Ref);
        dispatcher.Tell(new TaskProgressed(tasks[0], 2, "not the attempt it holds"), worker.Ref);
        dispatcher.Tell(new TaskProgressed(tasks[0], 1, "not the worker that holds it"), other.Ref);
        dispatcher.Tell(new TaskSucceeded(tasks[0], done), worker.Ref);
        dispatcher.Tell(new TaskProgressed(tasks[0], 1, "after it succeeded"), worker.Ref);
        dispatcher.Tell(new RequestWork("local/worker-0"), worker.Ref);
        worker.ExpectMsg(new AssignTask(tasks[1], 1));
        dispatcher.Tell(new TaskProgressed(tasks[1], 1, "started"), worker.Ref);
        dispatcher.Tell(new TaskSucceeded(tasks[1], done), worker.Ref);

        (await promise.Task.WaitAsync(TimeSpan.FromSeconds(10))).Succeeded.Should().BeTrue();
        events.Statuses.Should().Equal("part-00000 1: half way", "part-00001 1: started");
    }
}
