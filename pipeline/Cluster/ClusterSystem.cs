using System.Globalization;
using Akka.Actor;
using Akka.Configuration;
using Corpus.Pipeline.Build;

namespace Corpus.Pipeline.Cluster;

/// <summary>
/// Starts the actor system of a cluster node: Akka.Cluster over Akka.Remote, the work-pulling
/// messages on their own serializer, and a split-brain resolver that keeps the side holding the
/// coordinator (so a dead worker is removed and its tasks handed on, and workers cut off from the
/// coordinator stop instead of waiting forever).
/// </summary>
internal static class ClusterSystem
{
    /// <summary>The actor system's name; every node of a build uses it.</summary>
    public const string SystemName = "corpus";

    /// <summary>The coordinator role's name in the cluster configuration.</summary>
    public const string CoordinatorRole = "coordinator";

    /// <summary>The worker role's name in the cluster configuration.</summary>
    public const string WorkerRole = "worker";

    /// <summary>Where the dispatcher's singleton manager lives on coordinator nodes.</summary>
    public const string DispatcherName = "build-dispatcher";

    /// <summary>The HOCON of a node with <paramref name="options"/>.</summary>
    public static string Hocon(ClusterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var seedList = string.Join(", ", options.SeedNodes.Select(s => $"\"akka.tcp://{SystemName}@{ParseSeed(s)}\""));
        var role = options.Role == ClusterRole.Coordinator ? CoordinatorRole : WorkerRole;
        var pause = Math.Max(2, (int)Math.Ceiling(options.LostAfter.TotalSeconds * 0.6)); // failure detection, then the resolver's wait
        var stable = Math.Max(1, (int)Math.Ceiling(options.LostAfter.TotalSeconds - pause));
        return string.Create(CultureInfo.InvariantCulture, $$"""
            akka {
              loglevel = WARNING
              stdout-loglevel = WARNING
              log-dead-letters = off
              log-dead-letters-during-shutdown = off
              loggers = ["{{typeof(StandardErrorLogger).AssemblyQualifiedName}}"]
              actor {
                provider = cluster
                default-dispatcher.throughput = 1
                serializers { corpus = "{{typeof(ClusterMessageSerializer).AssemblyQualifiedName}}" }
                serialization-bindings {
                  "{{typeof(Execution.IPhaseMessage).AssemblyQualifiedName}}" = corpus
                  "{{typeof(Crawl.ICrawlWireMessage).AssemblyQualifiedName}}" = corpus
                }
              }
              remote {
                # messages stay small (a page's links go in shares); the margin is for a long URL list
                dot-netty.tcp { hostname = "{{options.Host}}", port = {{options.Port}}, maximum-frame-size = 4MiB, send-buffer-size = 4MiB, receive-buffer-size = 4MiB }
              }
              cluster {
                seed-nodes = [{{seedList}}]
                roles = [{{role}}]
                log-info = off
                downing-provider-class = "Akka.Cluster.SBR.SplitBrainResolverProvider, Akka.Cluster"
                split-brain-resolver {
                  active-strategy = keep-oldest
                  stable-after = {{stable}}s
                  # a member that dies stays unreachable: that is not instability, and downing every node for it would end the build
                  down-all-when-unstable = off
                  keep-oldest { down-if-alone = off, role = {{CoordinatorRole}} }
                }
                failure-detector { heartbeat-interval = 1s, acceptable-heartbeat-pause = {{pause}}s }
                singleton.hand-over-retry-interval = 1s
                # heartbeats on their own threads, so a node busy with tasks is not taken for dead
                use-dispatcher = corpus-cluster-dispatcher
              }
              coordinated-shutdown.exit-clr = off
            }
            corpus-cluster-dispatcher {
              type = ForkJoinDispatcher
              throughput = 100
              dedicated-thread-pool { thread-count = 2 }
            }
            """);
    }

    /// <summary>Starts the node and waits until it is a member of the cluster.</summary>
    public static async Task<ActorSystem> StartAsync(ClusterOptions options, CancellationToken ct)
    {
        var system = ActorSystem.Create(SystemName, ConfigurationFactory.ParseString(Hocon(options)));
        var up = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cluster = Akka.Cluster.Cluster.Get(system);
        cluster.RegisterOnMemberUp(() => up.TrySetResult());
        if (options.SeedNodes.Count == 0)
        {
            cluster.Join(cluster.SelfAddress); // the first node: a cluster of its own for the workers to join
        }

        var joined = await Task.WhenAny(up.Task, Task.Delay(options.JoinTimeout, ct)).ConfigureAwait(false);
        if (joined != up.Task)
        {
            await system.Terminate().ConfigureAwait(false);
            ct.ThrowIfCancellationRequested();
            throw new BuildException($"could not join the cluster through {string.Join(", ", options.SeedNodes)} within {options.JoinTimeout.TotalSeconds:F0} s; is the coordinator running there?");
        }

        return system;
    }

    /// <summary>Waits until at least <paramref name="count"/> worker nodes are up; returns the addresses of those up now, in order.</summary>
    public static async Task<IReadOnlyList<Address>> WaitForWorkersAsync(ActorSystem system, int count, CancellationToken ct)
    {
        var cluster = Akka.Cluster.Cluster.Get(system);
        while (true)
        {
            var up = cluster.State.Members
                .Where(m => m.Status == Akka.Cluster.MemberStatus.Up && m.HasRole(WorkerRole))
                .Select(m => m.Address)
                .OrderBy(a => a.ToString(), StringComparer.Ordinal)
                .ToList();
            if (up.Count >= Math.Max(1, count))
            {
                return up;
            }

            await Task.Delay(200, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Leaves the cluster (10 s at most) unless the node is already down, then ends the actor system.</summary>
    public static async Task LeaveAndStopAsync(ActorSystem system)
    {
        if (!system.WhenTerminated.IsCompleted)
        {
            using var leave = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await Akka.Cluster.Cluster.Get(system).LeaveAsync(leave.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The others did not see this node leave in time; terminating drops it anyway.
            }
        }

        await system.Terminate().ConfigureAwait(false);
    }

    /// <summary>This node's <c>host:port</c>, as workers are named in progress and logs.</summary>
    public static string NodeName(ActorSystem system) => NodeName(Akka.Cluster.Cluster.Get(system).SelfAddress);

    /// <summary>A node's <c>host_port</c>, for file names.</summary>
    public static string NodeTag(ActorSystem system) => NodeName(system).Replace(':', '_');

    /// <summary>A node's <c>host:port</c>.</summary>
    public static string NodeName(Address address) => $"{address.Host}:{address.Port}";

    private static string ParseSeed(string seed)
    {
        var colon = seed.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(seed.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw new BuildException($"--seed-node '{seed}' is not HOST:PORT");
        }

        return seed;
    }
}
