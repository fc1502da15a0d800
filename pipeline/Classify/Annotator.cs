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

        var failures = new SortedDictionary<string, long>(StringComparer.Ordinal);
        long sampled = 0, annotated = 0, skipped = 0, done = 0, failed = 0;
        var countDocuments = selected is null;
        for (var i = 0; i < parts.Count; i++)
        {
            var name = Path.GetFileNameWithoutExtension(parts[i]);
            var okPath = Path.Combine(outputDir, name + ".parquet");
            var failPath = Path.Combine(outputDir, name.Replace("part-", "failed-", StringComparison.Ordinal) + ".parquet");
            var batch = new List<(string Id, string Text)>();
            await foreach (var row in ParquetPartReader.ReadAsync<DocumentRow>(parts[i], ct).ConfigureAwait(false))
            {
                if (countDocuments)
                {
                    documents++;
                }

                if (InSample(row.Id, options, selected))
                {
                    batch.Add((row.Id, row.Text));
                }
            }

            sampled += batch.Count;
            if (File.Exists(okPath) && File.Exists(failPath))
            {
                skipped += batch.Count;
                await foreach (var r in ParquetPartReader.ReadAsync<AnnotationRow>(okPath, ct).ConfigureAwait(false))
                {
                    annotated++;
                }

                await foreach (var f in ParquetPartReader.ReadAsync<AnnotationFailureRow>(failPath, ct).ConfigureAwait(false))
                {
                    var category = f.Reason.StartsWith(RequestFailed, StringComparison.Ordinal) ? RequestFailed : Unparsed;
                    failures[category] = failures.GetValueOrDefault(category) + 1;
                }

                continue;
            }

            var results = new (AnnotationRow? Ok, AnnotationFailureRow? Failed)[batch.Count];
            var known = sampled - skipped;
            await Parallel.ForEachAsync(Enumerable.Range(0, batch.Count), new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Concurrency), CancellationToken = ct }, async (j, token) =>
            {
                results[j] = await AnnotateOneAsync(batch[j].Id, batch[j].Text, options, engine, token).ConfigureAwait(false);
                var nowDone = Interlocked.Increment(ref done);
                var nowFailed = results[j].Failed is null ? Volatile.Read(ref failed) : Interlocked.Increment(ref failed);
                progress?.Report(new AnnotateProgress(nowDone, nowFailed, known));
            }).ConfigureAwait(false);

            await WriteAsync(failPath, results.Where(r => r.Failed is not null).Select(r => r.Failed!), r => r.Response.Length * 2L + 256, ct).ConfigureAwait(false);
            await WriteAsync(okPath, results.Where(r => r.Ok is not null).Select(r => r.Ok!), r => r.Response.Length * 2L + 128, ct).ConfigureAwait(false);
            foreach (var (ok, fail) in results)
            {
                if (ok is not null)
                {
                    annotated++;
                }
                else
                {
                    var category = fail!.Reason.StartsWith(RequestFailed, StringComparison.Ordinal) ? RequestFailed : Unparsed;
                    failures[category] = failures.GetValueOrDefault(category) + 1;
                }
            }
        }

        return new AnnotateResult(inputDir, documents, sampled, annotated, failures, skipped);
    }

    private static async Task<(AnnotationRow?, AnnotationFailureRow?)> AnnotateOneAsync(string id, string text, AnnotateOptions options, IChatEngine engine, CancellationToken ct)
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
