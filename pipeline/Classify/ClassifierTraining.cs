using System.Text;
using Corpus.Filters.Classification;
using Corpus.FastText;
using Corpus.Pipeline.Build;
using Corpus.Pipeline.Execution;
using Corpus.Pipeline.Storage;

namespace Corpus.Pipeline.Classify;

/// <summary>
/// <c>corpus classify train</c>: turns a build's annotations (<c>annotations/part-*.parquet</c>) and
/// the documents' texts into fastText training files — <c>edu.train.txt</c>, <c>edu.valid.txt</c>,
/// <c>domain.train.txt</c>, <c>domain.valid.txt</c>, one <c>__label__edu_N text</c> or
/// <c>__label__domain_X text</c> line per document, split by seeded id hash — trains the two
/// classifiers (<c>edu.bin</c>, <c>domain.bin</c>) and measures them on the held-back lines.
/// </summary>
public static class ClassifierTraining
{
    private const ulong SplitSalt = 0x5EED5917UL;

    /// <summary>Writes the training files, trains both models and evaluates them.</summary>
    public static async Task<TrainResult> TrainAsync(TrainOptions options, Action<string>? report = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.ValidationShare is < 0 or >= 1)
        {
            throw new BuildException($"validation share {options.ValidationShare} is not in [0, 1)");
        }

        var annotationsDir = Path.Combine(options.BuildDir, Annotator.AnnotationsDir);
        var annotationParts = Directory.Exists(annotationsDir) ? Directory.GetFiles(annotationsDir, "part-*.parquet").Order(StringComparer.Ordinal).ToList() : [];
        if (annotationParts.Count == 0)
        {
            throw new BuildException($"'{annotationsDir}' holds no annotations; run 'corpus classify annotate' first");
        }

        var labels = new Dictionary<string, (int Score, string Domain)>(StringComparer.Ordinal);
        foreach (var part in annotationParts)
        {
            await foreach (var row in ParquetPartReader.ReadAsync<AnnotationRow>(part, ct).ConfigureAwait(false))
            {
                labels[row.Id] = (row.EduScore, row.Domain);
            }
        }

        Directory.CreateDirectory(options.OutDir);
        var files = new[] { "edu.train.txt", "edu.valid.txt", "domain.train.txt", "domain.valid.txt" }.Select(f => Path.Combine(options.OutDir, f)).ToArray();
        long train = 0, valid = 0;
        var found = new HashSet<string>(StringComparer.Ordinal);
        var writers = files.Select(f => new StreamWriter(AtomicFile.TempPathOf(f), false, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" }).ToArray();
        try
        {
            var inputDir = Annotator.ResolveInputDir(options.BuildDir, options.InputDir);
            foreach (var part in Annotator.PartsOf(inputDir))
            {
                await foreach (var doc in ParquetPartReader.ReadAsync<DocumentRow>(part, ct).ConfigureAwait(false))
                {
                    if (!labels.TryGetValue(doc.Id, out var label) || !found.Add(doc.Id))
                    {
                        continue;
                    }

                    var isValid = DocumentSampler.Unit(options.Seed ^ SplitSalt, doc.Id) < options.ValidationShare;
                    var offset = isValid ? 1 : 0;
                    await writers[offset].WriteLineAsync(FastTextLines.EduLine(label.Score, doc.Text, options.MaxChars).AsMemory(), ct).ConfigureAwait(false);
                    await writers[2 + offset].WriteLineAsync(FastTextLines.DomainLine(label.Domain, doc.Text, options.MaxChars).AsMemory(), ct).ConfigureAwait(false);
                    if (isValid)
                    {
                        valid++;
                    }
                    else
                    {
                        train++;
                    }
                }
            }
        }
        finally
        {
            foreach (var w in writers)
            {
                await w.DisposeAsync().ConfigureAwait(false);
            }
        }

        foreach (var f in files)
        {
            AtomicFile.Commit(AtomicFile.TempPathOf(f), f);
        }

        if (train == 0)
        {
            throw new BuildException($"none of the {labels.Count} annotated documents was found in the build's document parts, or all were held back");
        }

        report?.Invoke($"{train:N0} training and {valid:N0} validation examples in {options.OutDir}");
        var eduModel = Path.Combine(options.OutDir, "edu.bin");
        var domainModel = Path.Combine(options.OutDir, "domain.bin");
        var edu = TrainOne("edu", files[0], eduModel, options.Edu with { Seed = options.Seed }, report, ct);
        var domain = TrainOne("domain", files[2], domainModel, options.Domain with { Seed = options.Seed }, report, ct);
        var eduEval = valid > 0 ? FastTextEvaluator.Evaluate(edu, files[1], 1) : null;
        var domainEval = valid > 0 ? FastTextEvaluator.Evaluate(domain, files[3], 1) : null;
        return new TrainResult(train, valid, labels.Count - found.Count, eduModel, domainModel, eduEval, domainEval);
    }

    private static FastTextModel TrainOne(string name, string trainFile, string modelPath, FastTextTrainingOptions options, Action<string>? report, CancellationToken ct)
    {
        report?.Invoke($"training the {name} classifier ({options.Epoch} epochs, dim {options.Dim}, word n-grams {options.WordNgrams})");
        var lastTenth = -1;
        var progress = new SynchronousProgress<FastTextTrainingProgress>(p =>
        {
            var tenth = (int)(p.Fraction * 10);
            if (tenth > lastTenth)
            {
                lastTenth = tenth;
                report?.Invoke($"{name}: {p.Fraction:P0}, loss {p.Loss:F4}");
            }
        });
        var model = FastTextTrainer.Train(trainFile, options, progress, ct);
        var tmp = AtomicFile.TempPathOf(modelPath);
        model.Save(tmp);
        AtomicFile.Commit(tmp, modelPath);
        return model;
    }

    /// <summary>Reports on the caller's thread (<see cref="Progress{T}"/> would post to the thread pool).</summary>
    private sealed class SynchronousProgress<T>(Action<T> handler) : IProgress<T>
    {
        public void Report(T value) => handler(value);
    }
}
