using System.Text.Json;
using Corpus.Filters.Decontamination;
using Corpus.Dedup;
using Corpus.Pipeline.Storage;
using Corpus.Pipeline.Synth;
using Corpus.Synth.Generation;

namespace Corpus.Pipeline.Tests.Synth;

public sealed class SynthScreenAndOutputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("corpus-synth-out-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static SynthSample Sample(int problem, int sample, string answer, bool accepted = true, string? thinking = null) => new()
    {
        Id = $"{problem:D2}{sample:D2}".PadLeft(32, '0'),
        Task = "math/seed/gsm8k",
        Domain = "math",
        ProblemIndex = problem,
        SampleIndex = sample,
        Prompt = $"Problem {problem}: how many marbles are in the jar after the children take some away?",
        Thinking = thinking,
        Answer = answer,
        Accepted = accepted,
        Reason = accepted ? "right" : "wrong",
        Model = "m",
        Seed = (problem * 10) + sample,
        MaxTokens = 64,
        ThinkingMode = thinking is not null,
    };

    private static string Words(int seed) => string.Join(' ', Enumerable.Range(0, 40).Select(i => $"t{(seed * 7919) + (i * 104729)}"));

    [Fact]
    public void Duplicates_keep_the_smallest_id_whatever_the_order_and_rejected_samples_pass_unchanged()
    {
        var samples = new[]
        {
            Sample(0, 1, "The jar holds " + Words(1) + " so \\boxed{4}."),
            Sample(0, 0, "The jar holds " + Words(1) + " so \\boxed{4}."),
            Sample(0, 2, "Another way: " + Words(2) + " gives \\boxed{4}."),
            Sample(1, 0, "The jar holds " + Words(1) + " so \\boxed{4}.", accepted: false),
        };

        var forward = SynthScreen.Apply(samples, null, new DedupOptions(), CancellationToken.None);
        var backward = SynthScreen.Apply(samples.Reverse().ToArray(), null, new DedupOptions(), CancellationToken.None);

        forward.Select(s => (s.Id, s.Accepted, s.Reason)).Should().BeEquivalentTo(backward.Select(s => (s.Id, s.Accepted, s.Reason)));
        forward[0].Accepted.Should().BeFalse();
        forward[0].Reason.Should().Be($"duplicate: exact duplicate of {samples[1].Id}");
        forward[1].Accepted.Should().BeTrue("the smaller id keeps the cluster");
        forward[2].Accepted.Should().BeTrue("a different solution of the same problem is not a duplicate");
        forward[3].Should().Be(samples[3]);
    }

    [Fact]
    public void Samples_sharing_a_run_of_words_with_an_eval_set_are_rejected_naming_it()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_dir, "gsm8k")).FullName;
        var path = Path.Combine(folder, "test.jsonl");
        File.WriteAllText(path, JsonSerializer.Serialize(new { question = "A baker makes 24 loaves of bread every morning and sells three quarters of them before noon on busy days", answer = "#### 18" }) + "\n");
        var decontaminator = Decontaminator.Create([new EvalSet("gsm8k/test", path)]);
        var samples = new[]
        {
            Sample(0, 0, "Recall: a baker makes 24 loaves of bread every morning and sells three quarters of them before noon, so \\boxed{18}."),
            Sample(0, 1, "Clean " + Words(3)),
        };

        var screened = SynthScreen.Apply(samples, decontaminator, null, CancellationToken.None);

        screened[0].Accepted.Should().BeFalse();
        screened[0].Reason.Should().Be("contaminated: shares a run of words with gsm8k/test (verifier: right)");
        screened[1].Should().Be(samples[1]);
    }

    [Fact]
    public async Task Folder_output_splits_accepted_into_parquet_parts_and_rejected_into_jsonl_parts()
    {
        var samples = Enumerable.Range(0, 8).Select(i => Sample(i, 0, $"answer {i}", accepted: i < 5, thinking: i % 2 == 0 ? $"think {i}" : null)).ToList();

        var (parts, rejects) = await SynthOutput.WriteAsync(_dir, samples, rowsPerPart: 2, CancellationToken.None);

        parts.Select(Path.GetFileName).Should().Equal("part-00000.parquet", "part-00001.parquet", "part-00002.parquet");
        rejects.Select(Path.GetFileName).Should().Equal("synth-00000.jsonl", "synth-00001.jsonl");
        var rows = new List<SynthRow>();
        foreach (var part in parts)
        {
            await foreach (var row in ParquetPartReader.ReadAsync<SynthRow>(part))
            {
                rows.Add(row);
            }
        }

        rows.Select(r => (r.ProblemIndex, r.Answer, r.Thinking, r.Verdict, r.Source)).Should().Equal(
            Enumerable.Range(0, 5).Select(i => (i, $"answer {i}", i % 2 == 0 ? $"think {i}" : null, "accepted", "synth")));
        var lines = rejects.SelectMany(File.ReadAllLines).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        lines.Select(l => l.GetProperty("problem_index").GetInt32()).Should().Equal(5, 6, 7);
        lines.Should().OnlyContain(l => l.GetProperty("verdict").GetString() == "rejected" && l.GetProperty("reason").GetString() == "wrong");
        Directory.EnumerateFiles(_dir, "*.tmp", SearchOption.AllDirectories).Should().BeEmpty();
    }

    [Fact]
    public async Task File_output_writes_one_parquet_file_and_its_rejects_beside_it_even_when_empty()
    {
        var output = Path.Combine(_dir, "nested", "samples.parquet");

        var (parts, rejects) = await SynthOutput.WriteAsync(output, [Sample(0, 0, "x", accepted: false)], rowsPerPart: 10, CancellationToken.None);

        parts.Should().Equal(output);
        rejects.Should().Equal(Path.Combine(_dir, "nested", "samples.rejects.jsonl"));
        var rows = new List<SynthRow>();
        await foreach (var row in ParquetPartReader.ReadAsync<SynthRow>(output))
        {
            rows.Add(row);
        }

        rows.Should().BeEmpty();
        File.ReadAllLines(rejects[0]).Should().ContainSingle();
    }

    [Theory]
    [InlineData("engine failed: timeout", "engine")]
    [InlineData("problem not written: the model's answer held no problem", "problem")]
    [InlineData("contaminated: shares a run of words with gsm8k/test (verifier: ok)", "contaminated")]
    [InlineData("duplicate: near duplicate of abc", "duplicate")]
    [InlineData("boxed 3 differs from known answer 4", "verifier")]
    public void Reject_reasons_count_by_cause(string reason, string cause) => SynthRunner.Cause(reason).Should().Be(cause);
}
