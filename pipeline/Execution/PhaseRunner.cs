using System.Diagnostics;
using Akka.Actor;

namespace Corpus.Pipeline.Execution;

/// <summary>
/// Runs a phase through the build's dispatcher: skips the tasks the ledger holds, runs the rest.
/// <c>nodeLost</c> completes when this node's actor system ends under it (a cluster node downed).
/// </summary>
internal static class PhaseRunner
{
    public static async Task<PhaseOutcome> RunAsync(
        IActorRef dispatcher,
        string phase,
        int taskCount,
        TaskLedger ledger,
        int maxAttempts,
        IPhaseObserver? observer,
        CancellationToken ct,
        Task? nodeLost = null,
        Quarantine? quarantine = null)
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
        ReleaseMemory();
        observer?.PhaseStarted(phase, taskCount, skipped);
        var clock = Stopwatch.StartNew();
        var promise = new TaskCompletionSource<PhaseOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        dispatcher.Tell(new StartPhase(phase, pending, skipped, maxAttempts, promise, observer, quarantine));
        await using (ct.Register(() => promise.TrySetCanceled(ct)))
        {
            if (nodeLost is not null && await Task.WhenAny(promise.Task, nodeLost).ConfigureAwait(false) != promise.Task)
            {
                throw new Build.BuildException($"phase {phase}: this node was removed from the cluster (taken for lost, e.g. after a long pause); run the build again to resume it");
            }

            var outcome = await promise.Task.ConfigureAwait(false);
            observer?.PhaseFinished(outcome, clock.Elapsed);
            return outcome;
        }
    }

    /// <summary>Below this much committed heap a collection between phases costs more than it gives back.</summary>
    private const long ReleaseAboveBytes = 256L * 1024 * 1024;

    /// <summary>
    /// Between phases: the pooled column buffers dropped (<see cref="Corpus.Shards.IO.ColumnBuffers"/>) and a
    /// full, compacting collection that gives the free memory back to the system, so a phase starts from
    /// what the build holds, not from what the phase before it left resident. Skipped
    /// while the heap is small (a sample build), where it would only add its own 0.1 to 0.2 s.
    /// </summary>
    internal static void ReleaseMemory()
    {
        if (GC.GetGCMemoryInfo().TotalCommittedBytes < ReleaseAboveBytes)
        {
            return;
        }

        Corpus.Shards.IO.ColumnBuffers.Release();
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }
}
