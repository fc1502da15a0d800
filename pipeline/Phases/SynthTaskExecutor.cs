using System.Globalization;
using Corpus.Core.Configuration;
using Corpus.Pipeline.Build;
using Corpus.Pipeline.Execution;
using Corpus.Pipeline.Storage;
using Corpus.Pipeline.Synth;
using Corpus.Synth.Engines;
using Corpus.Synth.Generation;
using Corpus.Synth.Recipes;
using Corpus.Synth.Sandbox;
using Corpus.Synth.Verification;
using Corpus.Tokenizer;

namespace Corpus.Pipeline.Phases;

/// <summary>
/// The synth phase: task <c>t</c> runs <c>synth.tasks[t]</c> (math or code) on the configured
/// engine as <c>corpus synth</c> does (recipes, seeds, verification in the sandbox, dedup) and writes
/// <c>synth/part-t.parquet</c> (the accepted samples with their sampling figures),
/// <c>synth/documents-t.parquet</c> (each accepted sample as a <c>synthetic</c> document: prompt,
/// thinking, answer; the tokenize phase reads it after the corpus's own parts) and
/// <c>rejects/synth-t.jsonl</c> (every rejected sample with its reason). Bad seed lines are listed
/// in <c>rejects/synth-seeds-t.txt</c>.
/// </summary>
internal sealed class SynthTaskExecutor(string outputDir, BuildConfig config, QwenTokenizer tokenizer, TaskLedger ledger) : ITaskExecutor
{
    public const string Phase = "synth";

    public const string SynthDir = "synth";

    public static int TaskCount(BuildConfig config) => config.Synth.Enabled ? config.Synth.Tasks.Length : 0;

    public static string DocumentsPartPath(string outputDir, int task) =>
        Path.Combine(outputDir, SynthDir, string.Create(CultureInfo.InvariantCulture, $"documents-{task:D5}.parquet"));

    public Task<TaskSummary> ExecuteAsync(PhaseTask task, CancellationToken ct) => ExecuteAsync(task, SilentReporter.Instance, ct);

    /// <summary>Runs the task, reporting where its generation stands as <c>corpus synth</c>'s progress line says it (<see cref="SynthProgress.Describe"/>).</summary>
    public async Task<TaskSummary> ExecuteAsync(PhaseTask task, ITaskReporter reporter, CancellationToken ct)
    {
        var synth = config.Synth;
        var kind = synth.Tasks[task.Index] == "math" ? SynthTaskKind.Math : SynthTaskKind.Code;
        var seedsPath = kind == SynthTaskKind.Math ? synth.MathSeeds : synth.CodeSeeds;
        var staging = Path.Combine(outputDir, BuildLayout.StateDir, string.Create(CultureInfo.InvariantCulture, $"synth-staging-{task.Index:D5}.{AtomicFile.ProcessTag}"));
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        Directory.CreateDirectory(staging);
        var seeds = LoadSeeds(seedsPath, kind);
        var recipe = SynthRecipes.Create(new SynthRecipeOptions { Kind = kind, Thinking = synth.Thinking, Seed = config.Seed + task.Index, Seeds = seeds.Problems });
        var generation = new SynthGeneratorOptions
        {
            Model = synth.Model!,
            Count = synth.Count,
            SamplesPerProblem = synth.SamplesPerProblem,
            MaxTokens = synth.MaxTokens,
            ProblemMaxTokens = Math.Min(512, synth.MaxTokens),
            ThinkingBudget = synth.ThinkingBudget,
            Temperature = synth.Temperature,
            Seed = config.Seed + task.Index,
            Parallel = synth.Parallel,
        };
        var verifier = await SynthVerifier.CreateAsync(SynthDefaults.Verifier(synth.CodeTimeoutSeconds, synth.AllowUnisolatedCode), ct).ConfigureAwait(false);
        var stagedPart = Path.Combine(staging, "samples.parquet");
        SynthRunResult result;
        var engine = CreateEngine(synth);
        try
        {
            result = await SynthRunner.RunAsync(engine, recipe, verifier, generation, new SynthRunOptions { Output = stagedPart, EvalSets = config.Decontamination.EvalSets.IsDefault ? [] : config.Decontamination.EvalSets, DecontaminationNGram = config.Decontamination.NGram }, new StatusProgress(reporter), ct).ConfigureAwait(false);
        }
        catch (SandboxUnavailableException e)
        {
            throw new BuildException($"synth: generated code cannot be verified safely on this machine: {e.Message} (set synth.allow_unisolated_code to run it without network and process isolation)", e);
        }
        finally
        {
            (engine as IDisposable)?.Dispose();
        }

        // Each accepted sample becomes a synthetic document the tokenize phase reads after the corpus's own parts.
        var documentsPath = DocumentsPartPath(outputDir, task.Index);
        Directory.CreateDirectory(Path.GetDirectoryName(documentsPath)!);
        long chars = 0;
        await using (var writer = new ParquetPartWriter<DocumentRow>(AtomicFile.TempPathOf(documentsPath), r => r.Text.Length * 2L + 256))
        {
            await foreach (var sample in ParquetPartReader.ReadAsync<SynthRow>(stagedPart, ct).ConfigureAwait(false))
            {
                var document = ToDocument(sample);
                chars += document.Text.Length;
                await writer.AddAsync(document, ct).ConfigureAwait(false);
            }

            await writer.CompleteAsync(ct).ConfigureAwait(false);
        }

        var rejects = Path.Combine(outputDir, BuildLayout.RejectsDir);
        Directory.CreateDirectory(rejects);
        if (seeds.Errors.Count > 0)
        {
            AtomicFile.WriteAllBytes(Path.Combine(rejects, string.Create(CultureInfo.InvariantCulture, $"synth-seeds-{task.Index:D5}.txt")), System.Text.Encoding.UTF8.GetBytes(string.Join('\n', seeds.Errors) + "\n"));
        }

        AtomicFile.Commit(stagedPart, Path.Combine(outputDir, SynthDir, string.Create(CultureInfo.InvariantCulture, $"part-{task.Index:D5}.parquet")));
        AtomicFile.Commit(Path.Combine(staging, "samples.rejects.jsonl"), Path.Combine(rejects, string.Create(CultureInfo.InvariantCulture, $"synth-{task.Index:D5}.jsonl")));
        AtomicFile.Commit(AtomicFile.TempPathOf(documentsPath), documentsPath);
        Directory.Delete(staging, recursive: true);
        ledger.Commit(Phase, task.Index, new SynthLedgerEntry(synth.Tasks[task.Index], result.Accepted, result.Rejected, result.RejectedBy));
        return new TaskSummary(result.Accepted, result.Rejected, 0, chars);
    }

    /// <summary>A sample as a document: the problem, then the thinking (in Qwen3's think tags) when there is one, then the answer.</summary>
    internal static DocumentRow ToDocument(SynthRow sample)
    {
        var thinking = string.IsNullOrEmpty(sample.Thinking) ? string.Empty : $"<think>\n{sample.Thinking}\n</think>\n\n";
        return new DocumentRow
        {
            Id = sample.Id,
            SourceUri = $"synth://{sample.Task}/{sample.Id}",
            SourceKind = "synthetic",
            ContentType = "text/plain",
            Text = $"{sample.Prompt}\n\n{thinking}{sample.Answer}",
            Language = "eng_Latn",
            Labels = new() { ["domain"] = sample.Domain, ["synth_task"] = sample.Task },
            Metadata = new() { ["model"] = sample.Model, ["verdict_reason"] = sample.Reason },
        };
    }

    private IChatEngine CreateEngine(SynthConfig synth)
    {
        if (synth.Engine == "llama")
        {
            if (!File.Exists(synth.Model))
            {
                throw new BuildException($"synth.model: no GGUF model at '{synth.Model}'");
            }

            try
            {
                return ChatEngines.LoadLlama(new ChatEngineChoice
                {
                    Engine = "llama",
                    Model = synth.Model!,
                    Parallel = synth.Parallel,
                    ContextSize = SynthDefaults.ContextSize(synth.Parallel, synth.MaxTokens),
                    MaxTokens = synth.MaxTokens,
                });
            }
            catch (Exception e) when (e is IOException or InvalidDataException or InvalidOperationException)
            {
                throw new BuildException($"synth.model: cannot load '{synth.Model}': {e.Message}", e);
            }
        }

        return ChatEngines.Create(new ChatEngineChoice
        {
            Engine = "openai",
            Endpoint = new Uri(synth.Endpoint!),
            Parallel = synth.Parallel,
            CountTokens = text => tokenizer.Encode(text).Length,
        });
    }

    private static SeedSet LoadSeeds(string? path, SynthTaskKind kind)
    {
        if (path is null)
        {
            return new SeedSet([], []);
        }

        var key = kind == SynthTaskKind.Math ? "synth.math_seeds" : "synth.code_seeds";
        if (!File.Exists(path))
        {
            throw new BuildException($"{key}: no seeds file at '{path}'");
        }

        var set = SeedFile.Load(path, kind);
        return set.Problems.Count > 0 ? set : throw new BuildException($"{key}: no usable seeds in '{path}' ({set.Errors.Count} bad lines, the first: {set.Errors.FirstOrDefault()})");
    }

    /// <summary>Hands each progress report to the task's reporter as its one-line description, on the reporting thread.</summary>
    private sealed class StatusProgress(ITaskReporter reporter) : IProgress<SynthProgress>
    {
        public void Report(SynthProgress value) => reporter.Report(value.Describe());
    }

    /// <summary>Reports to no one: the task run outside a worker.</summary>
    private sealed class SilentReporter : ITaskReporter
    {
        public static SilentReporter Instance { get; } = new();

        public void Report(string status)
        {
        }
    }
}

/// <summary>What the ledger keeps of a committed synth task.</summary>
internal sealed record SynthLedgerEntry(string Task, int Accepted, int Rejected, IReadOnlyDictionary<string, int> RejectedBy);
