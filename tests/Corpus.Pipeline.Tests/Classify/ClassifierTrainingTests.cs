using Corpus.FastText;
using Corpus.Pipeline.Build;
using Corpus.Pipeline.Classify;
using Corpus.Pipeline.Storage;

namespace Corpus.Pipeline.Tests.Classify;

public sealed class ClassifierTrainingTests : IDisposable
{
    private static readonly FastTextTrainingOptions Small = new() { Dim = 8, Epoch = 5, LearningRate = 0.5, Bucket = 1000, WordNgrams = 1 };
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "corpus-train-" + Guid.NewGuid().ToString("N"));

    public ClassifierTrainingTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>A build with 200 documents (two kinds) and annotations for all but the last ten.</summary>
    private async Task<string> WriteBuildAsync()
    {
        var build = Path.Combine(_dir, "build");
        Directory.CreateDirectory(Path.Combine(build, "docs"));
        Directory.CreateDirectory(Path.Combine(build, Annotator.AnnotationsDir));
        await using (var docs = new ParquetPartWriter<DocumentRow>(Path.Combine(build, "docs", "part-00000.parquet"), r => r.Text.Length))
        await using (var annotations = new ParquetPartWriter<AnnotationRow>(Path.Combine(build, Annotator.AnnotationsDir, "part-00000.parquet"), r => 64))
        {
            for (var i = 0; i < 200; i++)
            {
                var maths = i % 2 == 0;
                var text = maths ? $"Solve the equation\nfor x number {i}: the theorem and its proof." : $"Buy cheap item {i}\ttoday, free shipping and a discount.";
                await docs.AddAsync(new DocumentRow { Id = $"doc-{i:D3}", SourceUri = $"u{i}", SourceKind = "file", ContentType = "text/plain", Text = text }, default);
                if (i < 190)
                {
                    await annotations.AddAsync(new AnnotationRow { Id = $"doc-{i:D3}", EduScore = maths ? 4 : 0, Domain = maths ? "math" : "other", Model = "m", Response = "…" }, default);
                }
            }

            await docs.CompleteAsync(default);
            await annotations.CompleteAsync(default);
        }

        return build;
    }

    [Fact]
    public async Task Training_files_are_split_by_seeded_id_and_models_separate_the_labels()
    {
        var build = await WriteBuildAsync();
        var outA = Path.Combine(_dir, "a");
        var outB = Path.Combine(_dir, "b");

        var result = await ClassifierTraining.TrainAsync(new TrainOptions { BuildDir = build, OutDir = outA, Seed = 9, Edu = Small, Domain = Small });
        await ClassifierTraining.TrainAsync(new TrainOptions { BuildDir = build, OutDir = outB, Seed = 9, Edu = Small, Domain = Small });

        (result.TrainExamples + result.ValidationExamples).Should().Be(190);
        result.ValidationExamples.Should().BeInRange(8, 35);
        result.MissingTexts.Should().Be(0);
        foreach (var file in new[] { "edu.train.txt", "edu.valid.txt", "domain.train.txt", "domain.valid.txt" })
        {
            File.ReadAllText(Path.Combine(outA, file)).Should().Be(File.ReadAllText(Path.Combine(outB, file)), file);
        }

        var eduLines = File.ReadAllLines(Path.Combine(outA, "edu.train.txt"));
        eduLines.Should().HaveCount((int)result.TrainExamples).And.OnlyContain(l => l.StartsWith("__label__edu_4 Solve the equation for x", StringComparison.Ordinal) || l.StartsWith("__label__edu_0 Buy cheap item", StringComparison.Ordinal));
        File.ReadAllLines(Path.Combine(outA, "domain.valid.txt")).Should().OnlyContain(l => l.StartsWith("__label__domain_math ", StringComparison.Ordinal) || l.StartsWith("__label__domain_other ", StringComparison.Ordinal));
        result.DomainValidation!.PrecisionAtK.Should().Be(1);
        result.EduValidation!.Labels.Select(l => l.Label).Should().BeEquivalentTo("__label__edu_4", "__label__edu_0");
        FastTextModel.Load(result.DomainModel).Predict("the theorem and its proof")[0].Label.Should().Be("__label__domain_math");
    }

    [Fact]
    public async Task The_trained_models_label_every_document_of_the_build_once()
    {
        var build = await WriteBuildAsync();
        var models = Path.Combine(_dir, "models");
        await ClassifierTraining.TrainAsync(new TrainOptions { BuildDir = build, OutDir = models, Edu = Small, Domain = Small });

        var result = await CorpusLabeler.LabelAsync(new LabelOptions { BuildDir = build, ModelsDir = models, Workers = 2 });

        result.Documents.Should().Be(200);
        result.Domains.Should().Equal(new Dictionary<string, long> { ["math"] = 100, ["other"] = 100 });
        result.CodeKinds.Should().Equal(new Dictionary<string, long> { ["prose"] = 200 });
        result.MeanEduScore.Should().BeApproximately(2, 0.3);
        var rows = new List<LabelRow>();
        await foreach (var row in ParquetPartReader.ReadAsync<LabelRow>(Path.Combine(build, CorpusLabeler.LabelsDir, "part-00000.parquet")))
        {
            rows.Add(row);
        }

        rows.Select(r => r.Id).Should().Equal(Enumerable.Range(0, 200).Select(i => $"doc-{i:D3}"));
        rows[0].Domain.Should().Be("math");
        rows[0].EduScore.Should().BeGreaterThan(3);
        rows[1].EduScore.Should().BeLessThan(1);
        var written = File.GetLastWriteTimeUtc(Path.Combine(build, CorpusLabeler.LabelsDir, "part-00000.parquet"));
        (await CorpusLabeler.LabelAsync(new LabelOptions { BuildDir = build, ModelsDir = models })).Should().BeEquivalentTo(result);
        File.GetLastWriteTimeUtc(Path.Combine(build, CorpusLabeler.LabelsDir, "part-00000.parquet")).Should().Be(written);
    }

    [Fact]
    public async Task Labelling_without_models_says_to_train_first()
    {
        var build = await WriteBuildAsync();

        var act = () => CorpusLabeler.LabelAsync(new LabelOptions { BuildDir = build, ModelsDir = Path.Combine(_dir, "none") });

        (await act.Should().ThrowAsync<BuildException>()).WithMessage("*edu.bin*does not exist*corpus classify train*");
    }

    [Fact]
    public async Task Annotations_of_documents_not_in_the_build_are_counted_as_missing()
    {
        var build = await WriteBuildAsync();
        await using (var extra = new ParquetPartWriter<AnnotationRow>(Path.Combine(build, Annotator.AnnotationsDir, "part-00001.parquet"), r => 64))
        {
            await extra.AddAsync(new AnnotationRow { Id = "gone", EduScore = 1, Domain = "news", Model = "m", Response = "…" }, default);
            await extra.CompleteAsync(default);
        }

        var result = await ClassifierTraining.TrainAsync(new TrainOptions { BuildDir = build, OutDir = Path.Combine(_dir, "o"), Edu = Small, Domain = Small });

        result.MissingTexts.Should().Be(1);
    }

    [Fact]
    public async Task Training_without_annotations_says_to_annotate_first()
    {
        var build = await WriteBuildAsync();
        Directory.Delete(Path.Combine(build, Annotator.AnnotationsDir), recursive: true);

        var act = () => ClassifierTraining.TrainAsync(new TrainOptions { BuildDir = build, OutDir = Path.Combine(_dir, "o") });

        (await act.Should().ThrowAsync<BuildException>()).WithMessage("*run 'corpus classify annotate' first*");
    }
}
