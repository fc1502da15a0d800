using Corpus.Pipeline.Build;
using Corpus.Pipeline.Classify;
using Corpus.Pipeline.Storage;
using Corpus.Synth.Engines;
using Corpus.Tests.Shared;

namespace Corpus.Pipeline.Tests.Classify;

public sealed class AnnotatorTests : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "corpus-annotate-" + Guid.NewGuid().ToString("N"));
    private ScriptedChatServer _server = null!;
    private OpenAiCompatibleEngine _engine = null!;

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        _server = ScriptedChatServer.Start(r =>
        {
            if (r.UserMessage.Contains("poison", StringComparison.Ordinal))
            {
                return new ScriptedReply(500, "{\"error\":\"the model crashed\"}");
            }

            if (r.UserMessage.Contains("garble", StringComparison.Ordinal))
            {
                return ScriptedReply.Answer("I would rather not say.");
            }

            // Answers come back in a different order than asked.
            var delay = TimeSpan.FromMilliseconds(r.Number * 7 % 23);
            return ScriptedReply.Answer($"Fine.\nEducational score: {r.UserMessage.Length % 6}\nDomain: stem") with { Delay = delay };
        });
        _engine = new OpenAiCompatibleEngine(new OpenAiCompatibleEngineOptions { BaseUrl = new Uri(_server.BaseUrl), MaxRetries = 1, InitialBackoff = TimeSpan.FromMilliseconds(5) });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _engine.Dispose();
        await _server.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    private static string Id(int i) => $"{i * 7919 % 1000:D4}-doc";

    private async Task<string> WriteBuildAsync(string name, int documents, int parts, Func<int, string>? text = null)
    {
        var build = Path.Combine(_dir, name);
        var docs = Path.Combine(build, "docs");
        Directory.CreateDirectory(docs);
        var perPart = (documents + parts - 1) / parts;
        for (var p = 0; p < parts; p++)
        {
            await using var writer = new ParquetPartWriter<DocumentRow>(Path.Combine(docs, $"part-{p:D5}.parquet"), r => r.Text.Length);
            for (var i = p * perPart; i < Math.Min(documents, (p + 1) * perPart); i++)
            {
                await writer.AddAsync(new DocumentRow { Id = Id(i), SourceUri = $"file:///{i}.txt", SourceKind = "file", ContentType = "text/plain", Text = text?.Invoke(i) ?? $"Document number {i} about a subject." }, default);
            }

            await writer.CompleteAsync(default);
        }

        return build;
    }

    private async Task<List<AnnotationRow>> AnnotationsAsync(string build)
    {
        var rows = new List<AnnotationRow>();
        foreach (var part in Directory.GetFiles(Path.Combine(build, Annotator.AnnotationsDir), "part-*.parquet").Order(StringComparer.Ordinal))
        {
            await foreach (var row in ParquetPartReader.ReadAsync<AnnotationRow>(part))
            {
                rows.Add(row);
            }
        }

        return rows;
    }

    [Fact]
    public async Task A_sample_of_n_is_the_same_documents_whatever_the_part_layout()
    {
        var one = await WriteBuildAsync("one", 120, 1);
        var three = await WriteBuildAsync("three", 120, 3);

        var a = await Annotator.AnnotateAsync(new AnnotateOptions { BuildDir = one, Model = "m", SampleSize = 15, Seed = 4 }, _engine);
        var b = await Annotator.AnnotateAsync(new AnnotateOptions { BuildDir = three, Model = "m", SampleSize = 15, Seed = 4 }, _engine);

        a.Sampled.Should().Be(15);
        a.Documents.Should().Be(120);
        b.Sampled.Should().Be(15);
        var idsA = (await AnnotationsAsync(one)).Select(r => r.Id).ToHashSet();
        idsA.Should().BeEquivalentTo((await AnnotationsAsync(three)).Select(r => r.Id));
        var other = await WriteBuildAsync("other-seed", 120, 1);
        await Annotator.AnnotateAsync(new AnnotateOptions { BuildDir = other, Model = "m", SampleSize = 15, Seed = 5 }, _engine);
        (await AnnotationsAsync(other)).Select(r => r.Id).Should().NotBeEquivalentTo(idsA);
    }

    [Fact]
    public async Task A_rate_sample_takes_about_that_share_and_the_same_ids_each_time()
    {
        var build = await WriteBuildAsync("rate", 400, 2);

        var first = await Annotator.AnnotateAsync(new AnnotateOptions { BuildDir = build, Model = "m", SampleRate = 0.25, Seed = 1 }, _engine);
        var ids = (await AnnotationsAsync(build)).Select(r => r.Id).ToList();
        Directory.Delete(Path.Combine(build, Annotator.AnnotationsDir), recursive: true);
        await Annotator.AnnotateAsync(new AnnotateOptions { BuildDir = build, Model = "m", SampleRate = 0.25, Seed = 1 }, _engine);

        first.Sampled.Should().BeInRange(70, 130);
        (await AnnotationsAsync(build)).Select(r => r.Id).Should().Equal(ids);
    }

    [Fact]
    public async Task Rows_keep_input_order_whatever_order_the_answers_came_in()
    {
        var build = await WriteBuildAsync("order", 60, 2);

        await Annotator.AnnotateAsync(new AnnotateOptions { BuildDir = build, Model = "qwen", Concurrency = 8 }, _engine);

        var rows = await AnnotationsAsync(build);
        rows.Select(r => r.Id).Should().Equal(Enumerable.Range(0, 60).Select(Id));
        rows.Should().OnlyContain(r => r.Model == "qwen" && r.Domain == "stem" && r.Response.Contains("Educational score:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Failed_requests_and_unparsable_answers_are_recorded_with_their_reasons()
    {
        var build = await WriteBuildAsync("failures", 30, 1, i => i switch
        {
            3 => "this document is poison to the server",
            4 => "please garble the answer",
            _ => $"Document {i}.",
        });

        var result = await Annotator.AnnotateAsync(new AnnotateOptions { BuildDir = build, Model = "m" }, _engine);

        result.Annotated.Should().Be(28);
        result.Failures.Should().Equal(new Dictionary<string, long> { [Annotator.RequestFailed] = 1, [Annotator.Unparsed] = 1 });
        var failed = new List<AnnotationFailureRow>();
        await foreach (var row in ParquetPartReader.ReadAsync<AnnotationFailureRow>(Path.Combine(build, Annotator.AnnotationsDir, "failed-00000.parquet")))
        {
            failed.Add(row);
        }

        failed.Should().HaveCount(2);
        failed[0].Id.Should().Be(Id(3));
        failed[0].Reason.Should().StartWith("request-failed: ").And.Contain("HTTP 500").And.Contain("the model crashed").And.Contain(_server.BaseUrl);
        failed[1].Id.Should().Be(Id(4));
        failed[1].Reason.Should().StartWith("unparsed: no 'Educational score: N' line");
        failed[1].Response.Should().Be("I would rather not say.");
    }

    [Fact]
    public async Task Requests_carry_the_rubric_prompt_and_turn_qwen3_thinking_off_unless_asked()
    {
        var build = await WriteBuildAsync("prompt", 2, 1, i => $"Photosynthesis text {i}.");
        var thinking = await WriteBuildAsync("thinking", 2, 1, i => $"Thinking text {i}.");

        await Annotator.AnnotateAsync(new AnnotateOptions { BuildDir = build, Model = "qwen3", Temperature = 0.1, MaxTokens = 300 }, _engine);
        await Annotator.AnnotateAsync(new AnnotateOptions { BuildDir = thinking, Model = "qwen3", Thinking = true }, _engine);

        var plain = _server.Requests.Where(r => r.UserMessage.Contains("Photosynthesis text", StringComparison.Ordinal)).ToList();
        plain.Should().HaveCount(2).And.OnlyContain(r => r.UserMessage.EndsWith("/no_think", StringComparison.Ordinal) && r.UserMessage.Contains("additive 5-point scale", StringComparison.Ordinal));
        plain[0].Body.Should().Contain("\"max_tokens\":300").And.Contain("\"temperature\":0.1").And.Contain("\"role\":\"system\"");
        _server.Requests.Where(r => r.UserMessage.Contains("Thinking text", StringComparison.Ordinal)).Should().HaveCount(2)
            .And.OnlyContain(r => !r.UserMessage.Contains("/no_think", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cancelling_stops_the_run_without_writing_unfinished_parts()
    {
        var build = await WriteBuildAsync("cancel", 400, 2, i => $"slow document {i}");
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var act = () => Annotator.AnnotateAsync(new AnnotateOptions { BuildDir = build, Model = "m", Concurrency = 2 }, _engine, null, cts.Token);

        await act.Should().ThrowAsync<OperationCanceledException>().WaitAsync(TimeSpan.FromSeconds(30));
        Directory.GetFiles(Path.Combine(build, Annotator.AnnotationsDir), "*.parquet").Should().BeEmpty();
    }

    [Fact]
    public async Task A_rerun_skips_parts_already_annotated()
    {
        var build = await WriteBuildAsync("resume", 40, 2);
        await Annotator.AnnotateAsync(new AnnotateOptions { BuildDir = build, Model = "m" }, _engine);
        var asked = _server.Requests.Count;
        File.Delete(Path.Combine(build, Annotator.AnnotationsDir, "part-00001.parquet"));

        var again = await Annotator.AnnotateAsync(new AnnotateOptions { BuildDir = build, Model = "m" }, _engine);

        _server.Requests.Count.Should().Be(asked + 20);
        again.Skipped.Should().Be(20);
        again.Annotated.Should().Be(40);
    }

    [Fact]
    public async Task The_input_is_the_last_phase_that_wrote_parts()
    {
        var build = await WriteBuildAsync("phases", 10, 1);
        Directory.CreateDirectory(Path.Combine(build, "filtered"));
        File.Copy(Path.Combine(build, "docs", "part-00000.parquet"), Path.Combine(build, "filtered", "part-00000.parquet"));

        var result = await Annotator.AnnotateAsync(new AnnotateOptions { BuildDir = build, Model = "m", SampleSize = 2 }, _engine);

        result.InputDir.Should().Be(Path.Combine(build, "filtered"));
        var missing = () => Annotator.AnnotateAsync(new AnnotateOptions { BuildDir = build, Model = "m", InputDir = "dedup/kept" }, _engine);
        (await missing.Should().ThrowAsync<BuildException>()).WithMessage("*dedup/kept*no part-*.parquet*");
    }
}
