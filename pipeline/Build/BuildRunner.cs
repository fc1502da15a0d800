using Akka.Actor;
using Akka.Configuration;
using Akka.Streams;
using Corpus.Core.Configuration;
using Corpus.Ingest.Files;
using Corpus.Ingest.Warc;
using Corpus.Pipeline.Crawl;
using Corpus.Pipeline.Execution;
using Corpus.Pipeline.Phases;
using Corpus.Tokenizer;

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
        using var system = ActorSystem.Create("corpus", ConfigurationFactory.ParseString(AkkaConfig));
        try
        {
            if (request.Sample)
            {
                var (warcDir, origin) = await SampleCrawl.EnsureAsync(system, output, config, request.Force, crawlObserver, ct).ConfigureAwait(false);
                return await BuildAsync(system, request, config, warcDir, output, SampleCrawl.UriMap(origin), observer, ct).ConfigureAwait(false);
            }

            return await BuildAsync(system, request, config, Path.GetFullPath(request.InputDir), output, null, observer, ct).ConfigureAwait(false);
        }
        finally
        {
            await system.Terminate().ConfigureAwait(false);
        }
    }

    private static async Task<BuildResult> BuildAsync(ActorSystem system, BuildRequest request, BuildConfig config, string input, string output, Func<string, string>? uriMap, IPhaseObserver? observer, CancellationToken ct)
    {
        if (!Directory.Exists(input))
        {
            throw new BuildException($"input folder '{request.InputDir}' does not exist");
        }

        if (IsSameOrUnder(output, input))
        {
            throw new BuildException($"output folder '{request.OutputDir}' is inside the input folder '{request.InputDir}'; choose an output folder outside it");
        }

        if (request.Workers < 1)
        {
            throw new BuildException($"--workers must be at least 1, not {request.Workers}");
        }

        var tokenizer = LoadTokenizer(config);
        var files = InputFileLister.List(input).ToList();
        var identity = new BuildIdentity(
            BuildConfigLoader.Hash(config),
            tokenizer.Sha256,
            BuildIdentity.HashModels(config.Classify, Filters.Languages.LanguageIdentifier.DefaultModelPath),
            BuildIdentity.HashListing(files),
            files.Count);
        PrepareOutput(output, identity, config, request.Force);
        using var runLog = new RunLog(Path.Combine(output, BuildLayout.StateDir));
        runLog.RunStarted(output, request.Workers);
        BuildResult result;
        try
        {
            result = await RunPhasesAsync(system, request, config, tokenizer, files, output, uriMap, new CompositePhaseObserver(observer, runLog), ct).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            runLog.RunFinished($"{e.GetType().Name}: {e.Message}", 0, 0);
            throw;
        }

        runLog.RunFinished(result.Error, result.Documents, result.Tokens);
        return result;
    }

    private static async Task<BuildResult> RunPhasesAsync(ActorSystem system, BuildRequest request, BuildConfig config, QwenTokenizer tokenizer, List<InputFile> files, string output, Func<string, string>? uriMap, IPhaseObserver observer, CancellationToken ct)
    {
        var items = InputIndex.Build(files, ct);
        var partition = items.Chunk(config.Input.FilesPerTask).Select(c => (IReadOnlyList<InputItem>)c).ToList();
        var ledger = new TaskLedger(output);
        var phases = new List<PhaseOutcome>();

        // Rejected documents are counted in tokens (end-of-text included, as in the shards) for the report's funnel.
        long countTokens(string text) => tokenizer.Encode(text).Length + 1L;
        {
            using var visionHttp = config.Input.PdfVisionEndpoint is null ? null : new HttpClient { Timeout = TimeSpan.FromSeconds(Math.Max(10, config.Input.PdfMaxSeconds)) };
            var pdf = new Corpus.Ingest.Pdf.PdfOptions
            {
                MaxBytes = config.Input.MaxFileBytes,
                MaxPages = config.Input.PdfMaxPages,
                MaxTime = TimeSpan.FromSeconds(config.Input.PdfMaxSeconds),
                Transcriber = visionHttp is null ? null : new Corpus.Ingest.Pdf.OpenAiVisionTranscriber(visionHttp, new Uri(config.Input.PdfVisionEndpoint!), config.Input.PdfVisionModel),
            };
            var ingest = new IngestTaskExecutor(output, partition, config.Input.Extensions, config.Input.MaxFileBytes, HtmlExtraction.Extract, uriMap, ledger, pdf);
            var ingestOutcome = await PhaseRunner.RunAsync(system, IngestTaskExecutor.Phase, partition.Count, ledger, ingest, request.Workers, request.MaxAttempts, observer, ct).ConfigureAwait(false);
            phases.Add(ingestOutcome);
            if (!ingestOutcome.Succeeded)
            {
                return BuildResult.Failed(Describe(ingestOutcome), phases);
            }

            // The parts after the filter phase (or after ingest when it is off): dedup's input, and the tokenize phase's without dedup.
            Func<int, string> filtered = config.Filters.Enabled ? i => FilterTaskExecutor.FilteredPartPath(output, i) : i => IngestTaskExecutor.DocsPartPath(output, i);
            if (config.Filters.Enabled)
            {
                var filter = new FilterTaskExecutor(output, config.Filters, config.Classify, LoadEvalSets(config.Decontamination), ledger, countTokens);
                var filterOutcome = await PhaseRunner.RunAsync(system, FilterTaskExecutor.Phase, partition.Count, ledger, filter, request.Workers, request.MaxAttempts, observer, ct).ConfigureAwait(false);
                phases.Add(filterOutcome);
                if (!filterOutcome.Succeeded)
                {
                    return BuildResult.Failed(Describe(filterOutcome), phases);
                }
            }

            if (config.Dedup.Enabled)
            {
                var dedup = new DedupTaskExecutor(output, config.Dedup, filtered, partition.Count, request.Workers, ledger, countTokens);
                var dedupOutcome = await PhaseRunner.RunAsync(system, DedupTaskExecutor.Phase, 1, ledger, dedup, 1, request.MaxAttempts, observer, ct).ConfigureAwait(false);
                phases.Add(dedupOutcome);
                if (!dedupOutcome.Succeeded)
                {
                    return BuildResult.Failed(Describe(dedupOutcome), phases);
                }
            }

            Func<int, string> kept = config.Dedup.Enabled ? i => DedupTaskExecutor.KeptPartPath(output, i) : filtered;
            var tokenize = new TokenizeTaskExecutor(output, config, kept, tokenizer, ledger, system.Materializer(), request.Workers);
            var tokenizeOutcome = await PhaseRunner.RunAsync(system, TokenizeTaskExecutor.Phase, partition.Count, ledger, tokenize, request.Workers, request.MaxAttempts, observer, ct).ConfigureAwait(false);
            phases.Add(tokenizeOutcome);
            if (!tokenizeOutcome.Succeeded)
            {
                return BuildResult.Failed(Describe(tokenizeOutcome), phases);
            }

            var mixes = MixingStep.Plan(config, ledger, partition.Count);
            var shards = new StagesTaskExecutor(output, config, mixes, tokenizer.EndOfTextId, ledger);
            var shardsOutcome = await PhaseRunner.RunAsync(system, StagesTaskExecutor.Phase, partition.Count, ledger, shards, request.Workers, request.MaxAttempts, observer, ct).ConfigureAwait(false);
            phases.Add(shardsOutcome);
            if (!shardsOutcome.Succeeded)
            {
                return BuildResult.Failed(Describe(shardsOutcome), phases);
            }

            if (config.Shards.Formats.Contains("parquet"))
            {
                var pack = new PackTaskExecutor(output, config, mixes, tokenizer.EndOfTextId, partition.Count, ledger);
                var packOutcome = await PhaseRunner.RunAsync(system, PackTaskExecutor.Phase, PackTaskExecutor.TaskCount(config), ledger, pack, request.Workers, request.MaxAttempts, observer, ct).ConfigureAwait(false);
                phases.Add(packOutcome);
                if (!packOutcome.Succeeded)
                {
                    return BuildResult.Failed(Describe(packOutcome), phases);
                }
            }

            var manifest = ManifestStep.Write(output, config, tokenizer, ledger, partition.Count);
            await ReportStep.WriteAsync(output, config, manifest, mixes, ledger, partition.Count, ct).ConfigureAwait(false);
            var rejects = Enumerable.Range(0, partition.Count).Sum(i => ledger.Read<IngestLedgerEntry>(IngestTaskExecutor.Phase, i).Rejects)
                + (config.Filters.Enabled ? Enumerable.Range(0, partition.Count).Sum(i => ledger.Read<FilterLedgerEntry>(FilterTaskExecutor.Phase, i).Rejected) : 0)
                + (config.Dedup.Enabled ? ledger.Read<DedupLedgerEntry>(DedupTaskExecutor.Phase, 0).Removed : 0);
            var tokenized = Enumerable.Range(0, partition.Count).Select(i => ledger.Read<TokenizeLedgerEntry>(TokenizeTaskExecutor.Phase, i)).ToList();
            return new BuildResult(null, phases, tokenized.Sum(k => k.Documents), tokenized.Sum(k => k.Tokens), rejects)
            {
                Stages = [.. config.Stages.Select(s => (s.Name, manifest.TokenCounts.Where(c => c.Stage == s.Name).Sum(c => c.Documents), manifest.TokenCounts.Where(c => c.Stage == s.Name).Sum(c => c.Tokens)))],
            };
        }
    }

    internal static Corpus.Filters.Decontamination.Decontaminator? LoadEvalSets(DecontaminationConfig config)
    {
        if (config.EvalSets.IsDefaultOrEmpty)
        {
            return null;
        }

        foreach (var path in config.EvalSets)
        {
            if (!File.Exists(path))
            {
                throw new BuildException($"decontamination.eval_sets: evaluation set '{path}' does not exist");
            }
        }

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

    private static QwenTokenizer LoadTokenizer(BuildConfig config)
    {
        var path = config.Tokenizer.Path ?? QwenTokenizer.DefaultPath;
        try
        {
            return QwenTokenizer.Load(path);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            throw new BuildException($"cannot load tokenizer '{path}': {e.Message}", e);
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
            await ReportStep.WriteAsync(output, config, manifest, mixes, ledger, tasks, ct).ConfigureAwait(false);
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
