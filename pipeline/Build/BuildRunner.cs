using Akka.Actor;
using Akka.Configuration;
using Akka.Streams;
using Corpus.Core.Configuration;
using Corpus.Pipeline.Crawl;
using Corpus.Pipeline.Execution;
using Corpus.Pipeline.Phases;
using Akka.Cluster.Tools.Singleton;
using Corpus.Pipeline.Cluster;

namespace Corpus.Pipeline.Build;

/// <summary>
/// Runs a build: ingest (files to <c>docs/</c>), shards (tokenized <c>shards/&lt;stage&gt;/</c>), then
/// <c>manifest.json</c>. Each phase's tasks run on an in-process Akka.NET actor system; committed
/// tasks are skipped, so a killed build resumes where it stopped.
/// </summary>
public static class BuildRunner
{
    private const string AkkaConfig = """
        akka {
          loglevel = WARNING
          stdout-loglevel = WARNING
          log-dead-letters = off
          log-dead-letters-during-shutdown = off
          actor.default-dispatcher.throughput = 1
        }
        """;

    /// <summary>Runs <paramref name="request"/>; bad settings or inputs come back as <see cref="BuildResult.Error"/>.</summary>
    public static async Task<BuildResult> RunAsync(BuildRequest request, IPhaseObserver? observer = null, CancellationToken ct = default, ICrawlObserver? crawlObserver = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            return await RunCoreAsync(request, observer, crawlObserver, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is BuildException or ConfigException)
        {
            return BuildResult.Failed(e.Message, []);
        }
        catch (IOException e)
        {
            return BuildResult.Failed($"I/O error: {e.Message}", []);
        }
    }

    private static async Task<BuildResult> RunCoreAsync(BuildRequest request, IPhaseObserver? observer, ICrawlObserver? crawlObserver, CancellationToken ct)
    {
        var config = BuildConfigLoader.Validate(request.Config);
        var output = Path.GetFullPath(request.OutputDir);
        if (request.Cluster is { Role: ClusterRole.Worker } workerOptions)
        {
            return await ClusterWorkerNode.RunAsync(request with { Config = config }, workerOptions, ct).ConfigureAwait(false);
        }

        var system = request.Cluster is { } options
            ? await ClusterSystem.StartAsync(options, ct).ConfigureAwait(false)
            : ActorSystem.Create("corpus", ConfigurationFactory.ParseString(AkkaConfig));
        try
        {
            var dispatcher = await StartDispatcherAsync(system, request, ct).ConfigureAwait(false);
            try
            {
                IReadOnlyList<IActorRef>? crawlNodes = null;
                if (request.Cluster is { } cluster)
                {
                    observer?.Waiting($"{cluster.MinWorkers} worker node(s) to join the cluster at {cluster.Host}:{ClusterSystem.NodeName(system).Split(':')[^1]}");
                    var workers = await ClusterSystem.WaitForWorkersAsync(system, cluster.MinWorkers, ct).ConfigureAwait(false);
                    var nodes = new List<IActorRef>();
                    foreach (var address in workers)
                    {
                        nodes.Add(await ResolveAsync(system.ActorSelection(new RootActorPath(address) / "user" / Crawl.CrawlNodeActor.Name), $"the crawl node of worker {ClusterSystem.NodeName(address)}", ct).ConfigureAwait(false));
                    }

                    crawlNodes = nodes;
                }

                if (request.Sample)
                {
                    var (warcDir, origin) = await SampleCrawl.EnsureAsync(system, output, config, request.Force, crawlObserver, ct, crawlNodes).ConfigureAwait(false);
                    return await BuildAsync(system, dispatcher, request, config, warcDir, output, SampleCrawl.UriMap(origin), observer, ct).ConfigureAwait(false);
                }

                return await BuildAsync(system, dispatcher, request, config, Path.GetFullPath(request.InputDir), output, null, observer, ct).ConfigureAwait(false);
            }
            finally
            {
                // Every worker, here and on other nodes, hears that the build is over before this node goes.
                var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                dispatcher.Tell(new FinishBuild(stopped, TimeSpan.FromSeconds(10)));
                await Task.WhenAny(stopped.Task, system.WhenTerminated, Task.Delay(TimeSpan.FromSeconds(15), CancellationToken.None)).ConfigureAwait(false);
            }
        }
        finally
        {
            if (request.Cluster is not null)
            {
                await ClusterSystem.LeaveAndStopAsync(system).ConfigureAwait(false);
            }
            else
            {
                await system.Terminate().ConfigureAwait(false);
            }
        }
    }

    private static async Task<BuildResult> BuildAsync(ActorSystem system, IActorRef dispatcher, BuildRequest request, BuildConfig config, string input, string output, Phases.UriRewrite? uriMap, IPhaseObserver? observer, CancellationToken ct)
    {
        if (!Directory.Exists(input))
        {
            throw new BuildException($"input folder '{request.InputDir}' does not exist");
        }

        if (IsSameOrUnder(output, input))
        {
            throw new BuildException($"output folder '{request.OutputDir}' is inside the input folder '{request.InputDir}'; choose an output folder outside it");
        }

        if (request.Workers < (request.Cluster is null ? 1 : 0))
        {
            throw new BuildException($"--workers must be at least {(request.Cluster is null ? 1 : 0)}, not {request.Workers}");
        }

        CheckEvalSets(config.Decontamination);

        // Tasks read their parts through blocking enumerators on pool threads (dedup-sign), which on a
        // 2-core machine left the pool starved until it added a thread (about 1 s of the sample build).
        ThreadPool.GetMinThreads(out var minWorkers, out var minIo);
        ThreadPool.SetMinThreads(Math.Max(minWorkers, Environment.ProcessorCount + (2 * request.Workers)), minIo);
        using var inputs = BuildInputs.Read(input, output, config, uriMap, ct);
        PrepareOutput(output, inputs.Identity, config, request.Force);
        using var runLog = new RunLog(Path.Combine(output, BuildLayout.StateDir));
        runLog.RunStarted(output, request.Workers);
        var observers = new CompositePhaseObserver(observer, runLog);
        using var executors = new PhaseExecutors(inputs, system.Materializer(), request.Workers);
        foreach (var (phase, task, item) in executors.Quarantine.CollectDeaths("the process reading it died (an earlier run of this build ended there)"))
        {
            runLog.ItemCharged(phase, task, item);
        }

        var node = request.Cluster is null ? "local" : ClusterSystem.NodeName(system);
        for (var i = 0; i < request.Workers; i++)
        {
            system.ActorOf(TaskWorker.Props(executors, dispatcher, $"{node}/worker-{i}", ct), $"worker-{i}");
        }

        BuildResult result;
        try
        {
            result = await RunPhasesAsync(dispatcher, request, inputs, executors, observers, request.Cluster is null ? null : system.WhenTerminated, ct).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            runLog.RunFinished($"{e.GetType().Name}: {e.Message}", 0, 0);
            throw;
        }

        runLog.RunFinished(result.Error, result.Documents, result.Tokens);
        return result;
    }

    /// <summary>
    /// Starts the build's dispatcher. In cluster mode it is a cluster singleton on the coordinator
    /// role, which worker nodes reach through a proxy; this process holds it, as the only
    /// coordinator of its build.
    /// </summary>
    private static async Task<IActorRef> StartDispatcherAsync(ActorSystem system, BuildRequest request, CancellationToken ct)
    {
        if (request.Cluster is null)
        {
            return system.ActorOf(BuildDispatcher.Props(ct), ClusterSystem.DispatcherName);
        }

        system.ActorOf(
            ClusterSingletonManager.Props(BuildDispatcher.Props(ct), PoisonPill.Instance, ClusterSingletonManagerSettings.Create(system).WithRole(ClusterSystem.CoordinatorRole)),
            ClusterSystem.DispatcherName);
        return await ResolveLocalSingletonAsync(system, ct).ConfigureAwait(false);
    }

    private static async Task<IActorRef> ResolveLocalSingletonAsync(ActorSystem system, CancellationToken ct)
    {
        try
        {
            return await ResolveAsync(system.ActorSelection($"/user/{ClusterSystem.DispatcherName}/singleton"), "the build's dispatcher", ct).ConfigureAwait(false);
        }
        catch (BuildException)
        {
            throw new BuildException("this coordinator does not hold the build's dispatcher: another coordinator node is older in this cluster; run one coordinator per build");
        }
    }

    /// <summary>Resolves an actor that is being started (here or on a node that just joined), trying for 30 s.</summary>
    private static async Task<IActorRef> ResolveAsync(ActorSelection selection, string what, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            try
            {
                return await selection.ResolveOne(TimeSpan.FromSeconds(2), ct).ConfigureAwait(false);
            }
            catch (ActorNotFoundException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200, ct).ConfigureAwait(false);
            }
            catch (ActorNotFoundException e)
            {
                throw new BuildException($"cannot reach {what} ({selection.PathString}) within 30 s", e);
            }
        }
    }

    private static async Task<BuildResult> RunPhasesAsync(IActorRef dispatcher, BuildRequest request, BuildInputs inputs, PhaseExecutors executors, IPhaseObserver observer, Task? nodeLost, CancellationToken ct)
    {
        var (config, output, ledger, parts) = (inputs.Config, inputs.Output, inputs.Ledger, inputs.Parts);
        var phases = new List<PhaseOutcome>();
        var plan = new List<(string Phase, int Tasks)> { (IngestTaskExecutor.Phase, parts) };
        if (config.Filters.Enabled)
        {
            plan.Add((FilterTaskExecutor.Phase, parts));
        }

        if (config.Dedup.Enabled)
        {
            // Signing per part and the bands (a count from the config) spread over the workers; the join is one light task.
            plan.Add((DedupSignTaskExecutor.Phase, parts));
            if (DedupWork.BandTasks(config.Dedup) > 0)
            {
                plan.Add((DedupBandsTaskExecutor.Phase, DedupWork.BandTasks(config.Dedup)));
            }

            plan.Add((DedupTaskExecutor.Phase, 1));
        }

        var tokenParts = inputs.TokenParts;
        if (inputs.SynthTasks > 0)
        {
            plan.Add((SynthTaskExecutor.Phase, inputs.SynthTasks));
        }
        else
        {
            observer.PhaseSkipped(SynthTaskExecutor.Phase, "no model configured (synth.engine is none)");
        }

        plan.Add((TokenizeTaskExecutor.Phase, tokenParts));
        plan.Add((StagesTaskExecutor.Phase, tokenParts));
        if (config.Shards.Formats.Contains("parquet"))
        {
            plan.Add((PackTaskExecutor.Phase, PackTaskExecutor.TaskCount(config)));
        }

        foreach (var (phase, tasks) in plan)
        {
            var outcome = await PhaseRunner.RunAsync(dispatcher, phase, tasks, ledger, request.MaxAttempts, observer, ct, nodeLost, executors.Quarantine).ConfigureAwait(false);
            phases.Add(outcome);
            if (!outcome.Succeeded)
            {
                return BuildResult.Failed(Describe(outcome), phases);
            }
        }

        var mixes = executors.Mixes;
        var manifest = ManifestStep.Write(output, config, inputs.Tokenizer, ledger, tokenParts);
        await ReportStep.WriteAsync(output, config, manifest, mixes, ledger, tokenParts, parts, ct).ConfigureAwait(false);
        var rejects = Enumerable.Range(0, parts).Sum(i => ledger.Read<IngestLedgerEntry>(IngestTaskExecutor.Phase, i).Rejects)
            + (config.Filters.Enabled ? Enumerable.Range(0, parts).Sum(i => ledger.Read<FilterLedgerEntry>(FilterTaskExecutor.Phase, i).Rejected) : 0)
            + (config.Dedup.Enabled ? ledger.Read<DedupLedgerEntry>(DedupTaskExecutor.Phase, 0).Removed : 0);
        var tokenized = Enumerable.Range(0, tokenParts).Select(i => ledger.Read<TokenizeLedgerEntry>(TokenizeTaskExecutor.Phase, i)).ToList();
        return new BuildResult(null, phases, tokenized.Sum(k => k.Documents), tokenized.Sum(k => k.Tokens), rejects)
        {
            Stages = [.. config.Stages.Select(s => (s.Name, manifest.TokenCounts.Where(c => c.Stage == s.Name).Sum(c => c.Documents), manifest.TokenCounts.Where(c => c.Stage == s.Name).Sum(c => c.Tokens)))],
        };
    }

    /// <summary>Fails the build at once when an evaluation set to decontaminate against is missing.</summary>
    internal static void CheckEvalSets(DecontaminationConfig config)
    {
        foreach (var path in config.EvalSets.IsDefault ? [] : config.EvalSets)
        {
            if (!File.Exists(path))
            {
                throw new BuildException($"decontamination.eval_sets: evaluation set '{path}' does not exist");
            }
        }
    }

    internal static Corpus.Filters.Decontamination.Decontaminator? LoadEvalSets(DecontaminationConfig config)
    {
        if (config.EvalSets.IsDefaultOrEmpty)
        {
            return null;
        }

        CheckEvalSets(config);

        try
        {
            return Corpus.Filters.Decontamination.Decontaminator.Create(
                config.EvalSets.Select(p => new Corpus.Filters.Decontamination.EvalSet(Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(p))) + "/" + Path.GetFileNameWithoutExtension(p), p)),
                new Corpus.Filters.Decontamination.DecontaminationOptions { NGram = config.NGram });
        }
        catch (Exception e) when (e is IOException or InvalidDataException or System.Text.Json.JsonException)
        {
            throw new BuildException($"decontamination.eval_sets: cannot load: {e.Message}", e);
        }
    }

    private static void PrepareOutput(string output, BuildIdentity identity, BuildConfig config, bool force)
    {
        var statePath = Path.Combine(output, BuildLayout.StateDir, "build.json");
        var previous = BuildIdentity.TryLoad(statePath);
        if (previous is not null && previous.Difference(identity) is { } why && !force)
        {
            throw new BuildException($"output folder '{output}' holds another build ({why}); pass --force to start it over or choose another folder");
        }

        if (previous is null && !force && HoldsForeignEntries(output))
        {
            throw new BuildException($"output folder '{output}' is not empty and holds no corpus build; pass --force to build there anyway or choose another folder");
        }

        if (force && (previous is null || previous.Difference(identity) is not null))
        {
            foreach (var dir in BuildLayout.OwnedDirs)
            {
                var path = Path.Combine(output, dir);
                if (Directory.Exists(path))
                {
                    Directory.Delete(path, recursive: true);
                }
            }

            File.Delete(Path.Combine(output, BuildLayout.ManifestFile));
        }

        foreach (var dir in BuildLayout.OwnedDirs)
        {
            Directory.CreateDirectory(Path.Combine(output, dir));
        }

        RemoveLeftovers(output);
        Directory.CreateDirectory(Path.GetDirectoryName(statePath)!);
        AtomicFile.WriteAllBytes(statePath, identity.ToJson());
        AtomicFile.WriteAllBytes(Path.Combine(output, BuildLayout.StateDir, ConfigFile), System.Text.Encoding.UTF8.GetBytes(BuildConfigLoader.ToCanonicalJson(config)));
    }

    /// <summary>The build's config in canonical JSON, under <c>_build/</c>, so <c>corpus report</c> can rebuild the report.</summary>
    internal const string ConfigFile = "config.json";

    /// <summary>
    /// Rebuilds <c>report/</c> of the finished build in <paramref name="outputDir"/> from its outputs
    /// (manifest, task ledger, rejects, dedup clusters and the config it was built with); the
    /// same build gives the same bytes. Returns an error message, or null on success.
    /// </summary>
    public static async Task<string?> RebuildReportAsync(string outputDir, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(outputDir);
        var output = Path.GetFullPath(outputDir);
        var manifestPath = Path.Combine(output, BuildLayout.ManifestFile);
        var configPath = Path.Combine(output, BuildLayout.StateDir, ConfigFile);
        if (!File.Exists(manifestPath) || !File.Exists(configPath))
        {
            return $"'{outputDir}' holds no finished corpus build (no {BuildLayout.ManifestFile} or {BuildLayout.StateDir}/{ConfigFile})";
        }

        try
        {
            var config = BuildConfigLoader.LoadFile(configPath);
            var manifest = Shards.Manifests.Manifest.Load(manifestPath);
            var ledger = new TaskLedger(output);
            var tasks = ledger.CountCommitted(StagesTaskExecutor.Phase);
            if (tasks == 0 || ledger.CountCommitted(TokenizeTaskExecutor.Phase) != tasks)
            {
                return $"'{outputDir}': the build did not finish its shards phase; run the build again to finish it";
            }

            var mixes = MixingStep.Plan(config, ledger, tasks);
            var ingestTasks = tasks - SynthTaskExecutor.TaskCount(config);
            await ReportStep.WriteAsync(output, config, manifest, mixes, ledger, tasks, ingestTasks, ct).ConfigureAwait(false);
            return null;
        }
        catch (Exception e) when (e is ConfigException or InvalidDataException or IOException or System.Text.Json.JsonException)
        {
            return $"cannot rebuild the report of '{outputDir}': {e.Message}";
        }
    }

    /// <summary>Deletes what killed task attempts left: temporary files and staging folders.</summary>
    private static void RemoveLeftovers(string output)
    {
        foreach (var dir in BuildLayout.OwnedDirs)
        {
            var root = Path.Combine(output, dir);
            foreach (var tmp in Directory.EnumerateFiles(root, "*.tmp", SearchOption.AllDirectories))
            {
                File.Delete(tmp);
            }

            foreach (var staging in Directory.EnumerateDirectories(root, StagesTaskExecutor.StagingPrefix + "*", SearchOption.AllDirectories).ToList())
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    /// <summary>Whether the folder holds anything but what a build writes (a crawl may have come first).</summary>
    internal static bool HoldsForeignEntries(string output) =>
        Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output)
            .Any(e => !BuildLayout.OwnedDirs.Contains(Path.GetFileName(e)) && Path.GetFileName(e) != BuildLayout.ManifestFile);

    private static bool IsSameOrUnder(string path, string root)
    {
        var rel = Path.GetRelativePath(root, path);
        return rel == "." || (!rel.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(rel));
    }

    private static string Describe(PhaseOutcome outcome) =>
        $"{outcome.Failed.Count} {outcome.Phase} task(s) failed: " +
        string.Join("; ", outcome.Failed.Select(f => $"{f.Task.Name} after {f.Attempts} attempt(s): {f.Reason}"));
}
