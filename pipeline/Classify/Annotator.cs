using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using Corpus.Filters.Classification;
using Corpus.Pipeline.Build;
using Corpus.Pipeline.Execution;
using Corpus.Pipeline.Storage;
using Corpus.Synth.Engines;

namespace Corpus.Pipeline.Classify;

/// <summary>
/// <c>corpus classify annotate</c>: the FineWeb-Edu way of labelling — a chat model grades a seeded
/// sample of a build's documents with <see cref="EduPrompt"/>, and each answer is parsed with
/// <see cref="EduAnnotation.TryParse(string, out EduAnnotation, out string)"/>. Input part
/// <c>part-i.parquet</c> gives <c>annotations/part-i.parquet</c> (id, edu_score, domain, model,
/// response) and <c>annotations/failed-i.parquet</c> (id, model, reason, response) for every sampled
/// document whose answer could not be parsed or whose request failed: none is dropped silently.
/// Parts whose outputs exist are skipped, so a killed run resumes; rows are in input order whatever
/// order the answers came in.
/// </summary>
public static class Annotator
{
    /// <summary>The folder under the build folder that annotations go to.</summary>
    public const string AnnotationsDir = "annotations";

    /// <summary>Failure category: the answer had no readable score and domain.</summary>
    public const string Unparsed = "unparsed";

    /// <summary>Failure category: the request failed after the engine's retries.</summary>
    public const string RequestFailed = "request-failed";

    /// <summary>Qwen3's soft switch that turns thinking off for one message.</summary>
    private const string NoThink = "/no_think";

    /// <summary>Annotates the sample described by <paramref name="options"/> through <paramref name="engine"/>.</summary>
    public static async Task<AnnotateResult> AnnotateAsync(AnnotateOptions options, IChatEngine engine, IProgress<AnnotateProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(engine);
        if (options.SampleRate is { } rate && rate is <= 0 or > 1)
        {
            throw new BuildException($"sample rate {rate} is not in (0, 1]");
        }

        if (options.SampleSize is <= 0)
        {
            throw new BuildException($"sample size {options.SampleSize} is not positive");
        }

        var inputDir = ResolveInputDir(options.BuildDir, options.InputDir);
        var parts = PartsOf(inputDir);
        var outputDir = Path.Combine(options.BuildDir, AnnotationsDir);
        Directory.CreateDirectory(outputDir);
        HashSet<string>? selected = null;
        long documents = 0;
        if (options.SampleSize is { } size)
        {
            (selected, documents) = await SmallestHashesAsync(parts, options, size, ct).ConfigureAwait(false);
        }

        var totals = new Totals();
        var countDocuments = selected is null;
        var channel = Channel.CreateBounded<WorkItem>(new BoundedChannelOptions(Math.Max(1, options.Concurrency) * 2) { SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var workers = Enumerable.Range(0, Math.Max(1, options.Concurrency))
            .Select(_ => Task.Run(
                async () =>
                {
                    try
                    {
                        await WorkAsync(channel.Reader, options, engine, totals, progress, stop.Token).ConfigureAwait(false);
                    }
                    catch
                    {
                        await stop.CancelAsync().ConfigureAwait(false);
                        throw;
                    }
                },
                CancellationToken.None))
            .ToList();
        try
        {
            // One reader feeds every part's sampled documents to the workers, so the server's batch
            // stays full across part boundaries; each part is written when its last answer is in.
            for (var i = 0; i < parts.Count; i++)
            {
                var name = Path.GetFileNameWithoutExtension(parts[i]);
                var okPath = Path.Combine(outputDir, name + ".parquet");
                var failPath = Path.Combine(outputDir, name.Replace("part-", "failed-", StringComparison.Ordinal) + ".parquet");
                var skip = File.Exists(okPath) && File.Exists(failPath);
                var part = new PartState(okPath, failPath);
                await foreach (var row in ParquetPartReader.ReadAsync<DocumentRow>(parts[i], stop.Token).ConfigureAwait(false))
                {
                    if (countDocuments)
                    {
                        documents++;
                    }

                    if (!InSample(row.Id, options, selected))
                    {
                        continue;
                    }

                    Interlocked.Increment(ref totals.Sampled);
                    if (skip)
                    {
                        totals.Skipped++;
                        continue;
                    }

                    // Only what the prompt can hold waits in the queue (a margin lets the prompt cut at a word).
                    var keep = options.Prompt.MaxDocumentChars + 1024;
                    var text = row.Text.Length > keep ? row.Text[..keep] : row.Text;
                    await channel.Writer.WriteAsync(new WorkItem(part, part.Add(), row.Id, text), stop.Token).ConfigureAwait(false);
                }

                if (skip)
                {
                    await CountExistingAsync(okPath, failPath, totals, stop.Token).ConfigureAwait(false);
                }
                else if (part.Seal())
                {
                    await WritePartAsync(part, totals, stop.Token).ConfigureAwait(false);
                }
            }

            channel.Writer.Complete();
            await Task.WhenAll(workers).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            channel.Writer.TryComplete();
            await stop.CancelAsync().ConfigureAwait(false);
            try
            {
                await Task.WhenAll(workers).ConfigureAwait(false);
            }
            catch (Exception) when (workers.All(w => w.IsCompleted))
            {
                // Reported below.
            }

            // A worker's failure cancels the reader; report the failure, not the cancellation.
            if (e is OperationCanceledException && !ct.IsCancellationRequested && workers.FirstOrDefault(w => w.IsFaulted)?.Exception?.InnerException is { } failure)
            {
                ExceptionDispatchInfo.Throw(failure);
            }

            throw;
        }

        return new AnnotateResult(inputDir, documents, totals.Sampled, totals.Annotated, totals.Failures, totals.Skipped);
    }

    private static async Task WorkAsync(ChannelReader<WorkItem> reader, AnnotateOptions options, IChatEngine engine, Totals totals, IProgress<AnnotateProgress>? progress, CancellationToken ct)
    {
        await foreach (var item in reader.ReadAllAsync(ct).ConfigureAwait(false))
        {
            var result = await AnnotateOneAsync(item.Id, item.Text, options, engine, ct).ConfigureAwait(false);
            var done = Interlocked.Increment(ref totals.Done);
            var failed = result.Failed is null ? Volatile.Read(ref totals.Failed) : Interlocked.Increment(ref totals.Failed);
            progress?.Report(new AnnotateProgress(done, failed, Volatile.Read(ref totals.Sampled) - totals.Skipped));
            if (item.Part.Complete(item.Index, result))
            {
                await WritePartAsync(item.Part, totals, ct).ConfigureAwait(false);
            }
        }
    }

    private static async Task WritePartAsync(PartState part, Totals totals, CancellationToken ct)
    {
        var results = part.Results();
        await WriteAsync(part.FailPath, results.Where(r => r.Failed is not null).Select(r => r.Failed!), r => r.Response.Length * 2L + 256, ct).ConfigureAwait(false);
        await WriteAsync(part.OkPath, results.Where(r => r.Ok is not null).Select(r => r.Ok!), r => r.Response.Length * 2L + 128, ct).ConfigureAwait(false);
        foreach (var (ok, fail) in results)
        {
            totals.Count(ok is not null ? null : fail!.Reason);
        }
    }

    private static async Task CountExistingAsync(string okPath, string failPath, Totals totals, CancellationToken ct)
    {
        await foreach (var unused in ParquetPartReader.ReadAsync<AnnotationRow>(okPath, ct).ConfigureAwait(false))
        {
            totals.Count(null);
        }

        await foreach (var f in ParquetPartReader.ReadAsync<AnnotationFailureRow>(failPath, ct).ConfigureAwait(false))
        {
            totals.Count(f.Reason);
        }
    }

    /// <summary>A sampled document on its way to a worker: its part and position in the part's sample.</summary>
    private sealed record WorkItem(PartState Part, int Index, string Id, string Text);

    /// <summary>Counters shared by the reader and the workers.</summary>
    private sealed class Totals
    {
        private readonly Lock _gate = new();

        public long Sampled;
        public long Skipped;
        public long Done;
        public long Failed;

        public long Annotated { get; private set; }

        public SortedDictionary<string, long> Failures { get; } = new(StringComparer.Ordinal);

        /// <summary>Counts one finished document: annotated when <paramref name="failure"/> is null, else under its category.</summary>
        public void Count(string? failure)
        {
            lock (_gate)
            {
                if (failure is null)
                {
                    Annotated++;
                    return;
                }

                var category = failure.StartsWith(RequestFailed, StringComparison.Ordinal) ? RequestFailed : Unparsed;
                Failures[category] = Failures.GetValueOrDefault(category) + 1;
            }
        }
    }

    /// <summary>One input part's answers as they come in, in any order; complete when sealed and nothing is pending.</summary>
    private sealed class PartState(string okPath, string failPath)
    {
        private readonly Lock _gate = new();
        private readonly Dictionary<int, (AnnotationRow? Ok, AnnotationFailureRow? Failed)> _results = [];
        private int _count;
        private int _pending;
        private bool _sealed;

        public string OkPath { get; } = okPath;

        public string FailPath { get; } = failPath;

        /// <summary>Registers the next sampled document; returns its index.</summary>
        public int Add()
        {
            lock (_gate)
            {
                _pending++;
                return _count++;
            }
        }

        /// <summary>No more documents will be added; true when every answer is already in (the caller writes the part).</summary>
        public bool Seal()
        {
            lock (_gate)
            {
                _sealed = true;
                return _pending == 0;
            }
        }

        /// <summary>Stores an answer; true when it was the last one of a sealed part (the caller writes the part).</summary>
        public bool Complete(int index, (AnnotationRow? Ok, AnnotationFailureRow? Failed) result)
        {
            lock (_gate)
            {
                _results[index] = result;
                return --_pending == 0 && _sealed;
            }
        }

        /// <summary>The answers in input order.</summary>
        public (AnnotationRow? Ok, AnnotationFailureRow? Failed)[] Results()
        {
            lock (_gate)
            {
                return [.. Enumerable.Range(0, _count).Select(i => _results[i])];
            }
        }
    }

    private static async Task<(AnnotationRow? Ok, AnnotationFailureRow? Failed)> AnnotateOneAsync(string id, string text, AnnotateOptions options, IChatEngine engine, CancellationToken ct)
    {
        var request = new ChatRequest
        {
            Model = options.Model,
            Messages = [ChatMessage.System(EduPrompt.SystemMessage), ChatMessage.User(options.Thinking ? EduPrompt.Build(text, options.Prompt) : EduPrompt.Build(text, options.Prompt) + NoThink)],
            Temperature = options.Temperature,
            MaxTokens = options.MaxTokens,
            Seed = (long)(options.Seed & long.MaxValue),
        };
        ChatCompletion completion;
        try
        {
            completion = await engine.CompleteAsync(request, ct).ConfigureAwait(false);
        }
        catch (ChatEngineException e)
        {
            return (null, new AnnotationFailureRow { Id = id, Model = options.Model, Reason = $"{RequestFailed}: {e.Message}", Response = string.Empty });
        }

        if (EduAnnotation.TryParse(completion.Text, out var annotation, out var reason))
        {
            return (new AnnotationRow { Id = id, EduScore = annotation.EduScore, Domain = annotation.Domain, Model = options.Model, Response = completion.Text }, null);
        }

        var why = completion.FinishReason == "length" ? $"{reason} (the answer was cut at max tokens)" : reason;
        return (null, new AnnotationFailureRow { Id = id, Model = options.Model, Reason = $"{Unparsed}: {why}", Response = completion.Text });
    }

    private static bool InSample(string id, AnnotateOptions options, HashSet<string>? selected) =>
        selected?.Contains(id) ?? (options.SampleRate is not { } rate || DocumentSampler.Unit(options.Seed, id) < rate);

    private static async Task<(HashSet<string> Ids, long Documents)> SmallestHashesAsync(IReadOnlyList<string> parts, AnnotateOptions options, int size, CancellationToken ct)
    {
        // A max-heap of the `size` smallest (hash, id) pairs: the root is the largest kept.
        var heap = new PriorityQueue<string, (ulong Hash, string Id)>(Comparer<(ulong Hash, string Id)>.Create((a, b) =>
        {
            var c = b.Hash.CompareTo(a.Hash);
            return c != 0 ? c : string.CompareOrdinal(b.Id, a.Id);
        }));
        long documents = 0;
        foreach (var part in parts)
        {
            await foreach (var row in ParquetPartReader.ReadAsync<DocumentRow>(part, ct).ConfigureAwait(false))
            {
                documents++;
                if (options.SampleRate is { } rate && DocumentSampler.Unit(options.Seed, row.Id) >= rate)
                {
                    continue;
                }

                var key = (DocumentSampler.Hash(options.Seed, row.Id), row.Id);
                if (heap.Count < size)
                {
                    heap.Enqueue(row.Id, key);
                }
                else if (heap.TryPeek(out _, out var top) && (key.Item1 < top.Hash || (key.Item1 == top.Hash && string.CompareOrdinal(key.Id, top.Id) < 0)))
                {
                    heap.EnqueueDequeue(row.Id, key);
                }
            }
        }

        return (heap.UnorderedItems.Select(x => x.Element).ToHashSet(StringComparer.Ordinal), documents);
    }

    private static async Task WriteAsync<TRow>(string path, IEnumerable<TRow> rows, Func<TRow, long> sizeOf, CancellationToken ct)
        where TRow : class, new()
    {
        var tmp = AtomicFile.TempPathOf(path);
        await using (var writer = new ParquetPartWriter<TRow>(tmp, sizeOf))
        {
            foreach (var row in rows)
            {
                await writer.AddAsync(row, ct).ConfigureAwait(false);
            }

            await writer.CompleteAsync(ct).ConfigureAwait(false);
        }

        AtomicFile.Commit(tmp, path);
    }

    /// <summary>The folder of document parts to read: the one named, or the last phase that wrote parts.</summary>
    internal static string ResolveInputDir(string buildDir, string? inputDir)
    {
        if (!Directory.Exists(buildDir))
        {
            throw new BuildException($"build folder '{buildDir}' does not exist");
        }

        if (inputDir is not null)
        {
            var dir = Path.Combine(buildDir, inputDir);
            if (PartsOrEmpty(dir).Count == 0)
            {
                throw new BuildException($"'{dir}' holds no part-*.parquet files");
            }

            return dir;
        }

        foreach (var candidate in new[] { Path.Combine(BuildLayout.DedupDir, "kept"), BuildLayout.FilteredDir, BuildLayout.DocsDir })
        {
            var dir = Path.Combine(buildDir, candidate);
            if (PartsOrEmpty(dir).Count > 0)
            {
                return dir;
            }
        }

        throw new BuildException($"build folder '{buildDir}' holds no document parts (dedup/kept/, filtered/ or docs/part-*.parquet); run 'corpus build' first");
    }

    internal static IReadOnlyList<string> PartsOf(string dir)
    {
        var parts = PartsOrEmpty(dir);
        return parts.Count > 0 ? parts : throw new BuildException($"'{dir}' holds no part-*.parquet files");
    }

    private static List<string> PartsOrEmpty(string dir) =>
        Directory.Exists(dir) ? [.. Directory.GetFiles(dir, "part-*.parquet").Order(StringComparer.Ordinal)] : [];
}
