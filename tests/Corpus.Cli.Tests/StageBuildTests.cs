using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Corpus.Shards.Manifests;
using Corpus.Tests.Shared;

namespace Corpus.Cli.Tests;

/// <summary>
/// One build over UDHR translations cut into chunks (eight languages, ten documents each) with two
/// stages: <c>mix</c> upweights English and French to set shares, <c>long</c> takes only documents
/// of 300 tokens or more at an 8,192-token context. The tests read its shards, manifest and report.
/// </summary>
public sealed class StageBuildFixture : IDisposable
{
    public const string Config = """
        {"input": {"files_per_task": 6}, "filters": {"quality": false, "pii": false}, "dedup": {"enabled": false},
         "shards": {"validation_share": 0.05, "max_shard_bytes": 262144},
         "stages": [
           {"name": "mix", "max_epochs": 4, "mixture": {"language": {"eng_Latn": 0.25, "fra_Latn": 0.15}}},
           {"name": "long", "context_length": 8192, "eligibility": {"min_tokens": 300}}
         ]}
        """;

    public StageBuildFixture()
    {
        Root = TestEnvironment.NewTempDir("stages");
        var input = Path.Combine(Root, "input");
        foreach (var name in new[] { "eng", "fra", "spa", "rus", "deu_1996", "ita", "por_PT", "arb" })
        {
            var text = TestEnvironment.Udhr.Single(u => u.Name == name + ".html").Text;
            var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var per = (lines.Length + 9) / 10;
            for (var c = 0; c * per < lines.Length; c++)
            {
                var path = Path.Combine(input, name, $"part-{c:D2}.txt");
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, string.Join("\n", lines.Skip(c * per).Take(per)) + "\n", new UTF8Encoding(false));
            }
        }

        ConfigPath = Path.Combine(Root, "config.json");
        File.WriteAllText(ConfigPath, Config);
        Output = Path.Combine(Root, "out");
        Result = TestEnvironment.Run(null, "build", "--input", input, "--out", Output, "--config", ConfigPath, "--workers", "2");
    }

    public string Root { get; }

    public string ConfigPath { get; }

    public string Output { get; }

    public (int ExitCode, string Stdout, string Stderr) Result { get; }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}

public sealed partial class StageBuildTests(StageBuildFixture build) : IClassFixture<StageBuildFixture>
{
    private Manifest LoadManifest()
    {
        build.Result.ExitCode.Should().Be(0, build.Result.Stderr);
        return Manifest.Load(Path.Combine(build.Output, "manifest.json"));
    }

    [Fact]
    public void Stage_mixture_matches_its_language_shares_within_two_points()
    {
        var train = LoadManifest().TokenCounts.Where(c => c.Stage == "mix" && c.Split == "train").ToList();
        var total = (double)train.Sum(c => c.Tokens);

        (train.Where(c => c.Language == "eng_Latn").Sum(c => c.Tokens) / total).Should().BeApproximately(0.25, 0.02);
        (train.Where(c => c.Language == "fra_Latn").Sum(c => c.Tokens) / total).Should().BeApproximately(0.15, 0.02);
        train.Select(c => c.Language).Distinct().Should().HaveCountGreaterThan(4, "the other languages share what is left");
    }

    [Fact]
    public void Report_json_says_every_check_of_the_mixed_stage_is_met()
    {
        build.Result.ExitCode.Should().Be(0, build.Result.Stderr);
        using var report = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(build.Output, "report", "report.json")));
        var mix = report.RootElement.GetProperty("stages").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "mix");
        var checks = mix.GetProperty("mixture_checks").EnumerateArray().ToList();

        checks.Select(c => c.GetProperty("group").GetString()).Should().Contain(["eng_Latn", "fra_Latn"]);
        checks.Should().OnlyContain(c => c.GetProperty("met").GetBoolean());
        mix.GetProperty("upsampled_documents").GetInt64().Should().BeGreaterThan(0, "English and French need more copies than one to reach their shares");
        mix.GetProperty("downsampled_documents").GetInt64().Should().BeGreaterThan(0, "the other languages give up tokens");
    }

    [Fact]
    public void Long_stage_holds_only_documents_that_meet_its_length_eligibility()
    {
        var manifest = LoadManifest();
        var lengths = new List<int>();
        foreach (var bin in manifest.Files.Where(f => f.Path.StartsWith("shards/long/", StringComparison.Ordinal) && f.Path.EndsWith(".bin", StringComparison.Ordinal)))
        {
            var path = Path.Combine(build.Output, bin.Path);
            lengths.AddRange(MegatronTestReader.Read(Path.ChangeExtension(path, ".idx"), path).Select(s => s.Length));
        }

        lengths.Should().NotBeEmpty().And.OnlyContain(l => l >= 300);
        var all = Directory.GetFiles(Path.Combine(build.Output, "tokens"), "*.parquet").Length;
        all.Should().BeGreaterThan(0);
        manifest.TokenCounts.Where(c => c.Stage == "long").Sum(c => c.Documents).Should().Be(lengths.Count);
    }

    [Fact]
    public void Packed_sequences_are_the_stage_context_length_and_verify_passes()
    {
        var manifest = LoadManifest();
        manifest.Files.Should().Contain(f => f.Path.StartsWith("shards/long/train/packed-", StringComparison.Ordinal))
            .And.Contain(f => f.Path.StartsWith("shards/mix/valid/", StringComparison.Ordinal));
        var (code, stdout, stderr) = TestEnvironment.Run(null, "shards", "verify", build.Output);
        code.Should().Be(0, stderr);
        stdout.Should().Contain("ok");
    }

    [Fact]
    public void Numbers_in_the_html_report_equal_the_manifest()
    {
        var manifest = LoadManifest();
        var html = File.ReadAllText(Path.Combine(build.Output, "report", "index.html"));
        var keyed = DataKey().Matches(html).ToDictionary(m => m.Groups["key"].Value, m => long.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture));

        keyed["totals.tokens"].Should().Be(manifest.Totals.Tokens);
        keyed["totals.documents"].Should().Be(manifest.Totals.Documents);
        foreach (var stage in new[] { "mix", "long" })
        {
            var counts = manifest.TokenCounts.Where(c => c.Stage == stage).ToList();
            keyed[$"stage.{stage}.tokens"].Should().Be(counts.Sum(c => c.Tokens));
            keyed[$"stage.{stage}.documents"].Should().Be(counts.Sum(c => c.Documents));
            foreach (var language in counts.Select(c => c.Language).Distinct())
            {
                keyed[$"language.{language}.{stage}.tokens"].Should().Be(counts.Where(c => c.Language == language).Sum(c => c.Tokens), $"{language} in {stage}");
            }
        }
    }

    [Fact]
    public void Corpus_report_rebuilds_the_same_report_bytes()
    {
        build.Result.ExitCode.Should().Be(0, build.Result.Stderr);
        var copy = Path.Combine(build.Root, "copy");
        foreach (var (rel, bytes) in TestEnvironment.Snapshot(build.Output))
        {
            var dest = Path.Combine(copy, rel);
            Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
            File.WriteAllBytes(dest, bytes);
        }

        Directory.Delete(Path.Combine(copy, "report"), recursive: true);
        var (code, stdout, stderr) = TestEnvironment.Run(null, "report", copy);

        code.Should().Be(0, stderr);
        stdout.Should().Contain("index.html");
        foreach (var file in new[] { "index.html", "report.json", "report.md" })
        {
            File.ReadAllBytes(Path.Combine(copy, "report", file)).Should().Equal(File.ReadAllBytes(Path.Combine(build.Output, "report", file)), file);
        }

        TestEnvironment.Run(null, "report", Path.Combine(build.Root, "input")).ExitCode.Should().Be(1, "a folder without a build has no report to rebuild");
    }

    [Fact]
    public void Build_report_draws_in_headless_chromium()
    {
        build.Result.ExitCode.Should().Be(0, build.Result.Stderr);
        var png = Path.Combine(build.Root, "report.png");
        var (code, _, error) = HeadlessChromium.Run(Path.Combine(build.Root, "profile"), $"--screenshot={png}", "--window-size=1280,2400", new Uri(Path.Combine(build.Output, "report", "index.html")).AbsoluteUri);

        code.Should().Be(0, error);
        HeadlessChromium.ConsoleErrors(error).Should().BeEmpty();
        var (colours, nonWhite, width, height) = HeadlessChromium.Inspect(png);
        (width, height).Should().Be((1280, 2400));
        colours.Count.Should().BeGreaterThan(200, "text, cards and charts give many colours");
        nonWhite.Should().BeGreaterThan(0.3);
        colours.GetValueOrDefault(0x4e79a7).Should().BeGreaterThan(500, "the first language's bars are drawn");
    }

    [Fact]
    public void Run_log_records_the_run_every_phase_and_every_task()
    {
        build.Result.ExitCode.Should().Be(0, build.Result.Stderr);
        var events = File.ReadAllLines(Path.Combine(build.Output, "_build", "run.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();

        events[0].GetProperty("event").GetString().Should().Be("run-start");
        events[^1].GetProperty("event").GetString().Should().Be("run-end");
        events[^1].GetProperty("ok").GetBoolean().Should().BeTrue();
        events.Should().OnlyContain(e => e.GetProperty("time").GetString()!.EndsWith('Z'));
        var phases = events.Where(e => e.GetProperty("event").GetString() == "phase-end").Select(e => e.GetProperty("phase").GetString()).ToList();
        phases.Should().Equal("ingest", "filter", "tokenize", "shards", "pack");
        foreach (var end in events.Where(e => e.GetProperty("event").GetString() == "phase-end"))
        {
            var phase = end.GetProperty("phase").GetString();
            events.Count(e => e.GetProperty("event").GetString() == "task-done" && e.GetProperty("phase").GetString() == phase)
                .Should().Be(end.GetProperty("tasks").GetInt32(), $"every {phase} task is logged once");
        }
    }

    [GeneratedRegex("data-key=\"(?<key>[^\"]+)\" data-value=\"(?<value>-?[0-9]+)\"")]
    private static partial Regex DataKey();
}
