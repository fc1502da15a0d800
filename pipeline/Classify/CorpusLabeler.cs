using Corpus.Filters.Classification;
using Corpus.Filters.Classification.Code;
using Corpus.Pipeline.Build;
using Corpus.Pipeline.Execution;
using Corpus.Pipeline.Storage;

namespace Corpus.Pipeline.Classify;

/// <summary>
/// <c>corpus classify label</c>: the last step of the FineWeb-Edu loop — the trained classifiers
/// label every document of a build cheaply. Input part <c>part-i.parquet</c> gives
/// <c>labels/part-i.parquet</c> (id, edu_score, domain, domain_score, code_kind,
/// programming_language) in the part's order; parts already labelled are skipped.
/// </summary>
public static class CorpusLabeler
{
    /// <summary>The folder under the build folder that labels go to.</summary>
    public const string LabelsDir = "labels";

    private const int BatchSize = 512;

    /// <summary>Labels every document of the build with the models in <see cref="LabelOptions.ModelsDir"/>.</summary>
    public static async Task<LabelResult> LabelAsync(LabelOptions options, IProgress<long>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var inputDir = Annotator.ResolveInputDir(options.BuildDir, options.InputDir);
        var parts = Annotator.PartsOf(inputDir);
        var edu = Path.Combine(options.ModelsDir, "edu.bin");
        var domain = Path.Combine(options.ModelsDir, "domain.bin");
        foreach (var model in new[] { edu, domain })
        {
            if (!File.Exists(model))
            {
                throw new BuildException($"model '{model}' does not exist; run 'corpus classify train --out {options.ModelsDir}' first");
            }
        }

        DocumentClassifier classifier;
        try
        {
            classifier = DocumentClassifier.Load(edu, domain, options.MaxChars);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or EndOfStreamException)
        {
            throw new BuildException($"cannot load the classifiers in '{options.ModelsDir}': {e.Message}");
        }

        var outputDir = Path.Combine(options.BuildDir, LabelsDir);
        Directory.CreateDirectory(outputDir);
        var domains = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var kinds = new SortedDictionary<string, long>(StringComparer.Ordinal);
        long documents = 0;
        double eduSum = 0;
        foreach (var part in parts)
        {
            var path = Path.Combine(outputDir, Path.GetFileName(part));
            if (!File.Exists(path))
            {
                var tmp = AtomicFile.TempPathOf(path);
                await using (var writer = new ParquetPartWriter<LabelRow>(tmp, r => 128))
                {
                    var batch = new List<DocumentRow>(BatchSize);
                    await foreach (var row in ParquetPartReader.ReadAsync<DocumentRow>(part, ct).ConfigureAwait(false))
                    {
                        batch.Add(row);
                        if (batch.Count == BatchSize)
                        {
                            await WriteBatchAsync(batch, classifier, writer, options.Workers, ct).ConfigureAwait(false);
                            progress?.Report(writer.Rows);
                        }
                    }

                    await WriteBatchAsync(batch, classifier, writer, options.Workers, ct).ConfigureAwait(false);
                    await writer.CompleteAsync(ct).ConfigureAwait(false);
                }

                AtomicFile.Commit(tmp, path);
            }

            await foreach (var label in ParquetPartReader.ReadAsync<LabelRow>(path, ct).ConfigureAwait(false))
            {
                documents++;
                eduSum += label.EduScore;
                domains[label.Domain] = domains.GetValueOrDefault(label.Domain) + 1;
                kinds[label.CodeKind] = kinds.GetValueOrDefault(label.CodeKind) + 1;
            }
        }

        return new LabelResult(inputDir, documents, domains, documents == 0 ? 0 : eduSum / documents, kinds);
    }

    private static async Task WriteBatchAsync(List<DocumentRow> batch, DocumentClassifier classifier, ParquetPartWriter<LabelRow> writer, int workers, CancellationToken ct)
    {
        var labels = new LabelRow[batch.Count];
        Parallel.For(0, batch.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, workers), CancellationToken = ct }, i => labels[i] = Label(batch[i], classifier));
        foreach (var label in labels)
        {
            await writer.AddAsync(label, ct).ConfigureAwait(false);
        }

        batch.Clear();
    }

    private static LabelRow Label(DocumentRow row, DocumentClassifier classifier)
    {
        var c = classifier.Classify(row.Text);
        var code = CodeDetector.Detect(row.Text);
        var language = code.Kind == CodeKind.Prose ? null : ProgrammingLanguageIdentifier.Identify(row.Text, row.SourceUri).Language;
        return new LabelRow
        {
            Id = row.Id,
            EduScore = c.EduScore,
            Domain = c.Domain,
            DomainScore = c.DomainScore,
            CodeKind = code.Kind switch
            {
                CodeKind.Code => "code",
                CodeKind.ProseWithCode => "prose-with-code",
                _ => "prose",
            },
            ProgrammingLanguage = language is null or ProgrammingLanguageIdentifier.Unknown ? null : language,
        };
    }
}
