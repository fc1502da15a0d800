using Akka.Actor;
using Akka.Cluster.Tools.Singleton;
using Akka.Streams;
using Corpus.Pipeline.Build;
using Corpus.Pipeline.Execution;

namespace Corpus.Pipeline.Cluster;

/// <summary>
/// A worker node of a cluster build: joins the cluster, starts its task workers pulling from the
/// coordinator's dispatcher (through a singleton proxy), and stops when the coordinator says the
/// build is over. A node cut off from the coordinator is downed by the split-brain resolver and
/// ends with an error; its tasks are run again elsewhere.
/// </summary>
internal static class ClusterWorkerNode
{
    public static async Task<BuildResult> RunAsync(BuildRequest request, ClusterOptions options, CancellationToken ct)
    {
        if (request.Workers < 1)
        {
            throw new BuildException($"--workers must be at least 1 on a worker node, not {request.Workers}");
        }

        var system = await ClusterSystem.StartAsync(options, ct).ConfigureAwait(false);
        using var executors = new WorkerPhaseExecutors(request, system.Materializer());
        try
        {
            var proxy = system.ActorOf(
                ClusterSingletonProxy.Props($"/user/{ClusterSystem.DispatcherName}", ClusterSingletonProxySettings.Create(system).WithRole(ClusterSystem.CoordinatorRole)),
                "dispatcher-proxy");
            var node = ClusterSystem.NodeName(system);
            system.ActorOf(Crawl.CrawlNodeActor.Props(ClusterSystem.NodeTag(system), ct), Crawl.CrawlNodeActor.Name);
            var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            system.ActorOf(Props.Create(() => new WorkerGroup(executors, proxy, node, request.Workers, stopped, ct)), "workers");
            var ended = await Task.WhenAny(stopped.Task, system.WhenTerminated, Task.Delay(Timeout.Infinite, ct)).ConfigureAwait(false);
            if (ended == system.WhenTerminated)
            {
                return BuildResult.Failed($"worker {node} was removed from the cluster: the coordinator is unreachable or stopped", []);
            }

            ct.ThrowIfCancellationRequested();
            return new BuildResult(null, [], 0, 0, 0) { TasksRun = executors.TasksStarted };
        }
        finally
        {
            await ClusterSystem.LeaveAndStopAsync(system).ConfigureAwait(false);
        }
    }

    /// <summary>Starts a node's task workers and completes <c>stopped</c> when all of them have stopped.</summary>
    private sealed class WorkerGroup : ReceiveActor
    {
        private int _alive;

        public WorkerGroup(IPhaseExecutors executors, IActorRef dispatcher, string node, int workers, TaskCompletionSource stopped, CancellationToken ct)
        {
            for (var i = 0; i < workers; i++)
            {
                Context.Watch(Context.ActorOf(TaskWorker.Props(executors, dispatcher, $"{node}/worker-{i}", ct), $"worker-{i}"));
                _alive++;
            }

            Receive<Terminated>(_ =>
            {
                if (--_alive == 0)
                {
                    stopped.TrySetResult();
                }
            });
        }
    }
}
