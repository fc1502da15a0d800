using System.Diagnostics;
using Akka.Actor;

namespace Corpus.Pipeline.Execution;

/// <summary>Runs a phase's tasks on an actor system: skips those the ledger holds, runs the rest.</summary>
internal static class PhaseRunner
{
    public static async Task<PhaseOutcome> RunAsync(
        ActorSystem system,
        string phase,
        int taskCount,
        TaskLedger ledger,
        ITaskExecutor executor,
        int workers,
        int maxAttempts,
        IPhaseObserver? observer,
        CancellationToken ct)
    {
        var pending = new List<PhaseTask>();
        for (var i = 0; i < taskCount; i++)
        {
            if (!ledger.IsCommitted(phase, i))
            {
                pending.Add(new PhaseTask(phase, i, PhaseTask.NameOf(i)));
            }
        }

        var skipped = taskCount - pending.Count;
        observer?.PhaseStarted(phase, taskCount, skipped);
        var clock = Stopwatch.StartNew();
        var promise = new TaskCompletionSource<PhaseOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        var spec = new PhaseSpec(phase, pending, skipped, executor, Math.Max(1, workers), Math.Max(1, maxAttempts), observer);
        system.ActorOf(PhaseCoordinator.Props(spec, promise, ct), $"{phase}-coordinator");
        await using (ct.Register(() => promise.TrySetCanceled(ct)))
        {
            var outcome = await promise.Task.ConfigureAwait(false);
            observer?.PhaseFinished(outcome, clock.Elapsed);
            return outcome;
        }
    }
}
