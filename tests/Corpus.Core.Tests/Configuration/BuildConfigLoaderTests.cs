using Corpus.Core.Configuration;

namespace Corpus.Core.Tests.Configuration;

public class BuildConfigLoaderTests
{
    [Fact]
    public void Empty_object_gives_the_defaults()
    {
        BuildConfigLoader.Parse("{}").Should().BeEquivalentTo(BuildConfig.Default);
    }

    [Fact]
    public void Values_are_read_by_snake_case_keys()
    {
        var config = BuildConfigLoader.Parse("""
            {
              "seed": 42,
              "input": { "extensions": [".TXT", ".md"], "max_file_bytes": 1000, "files_per_task": 3 },
              "tokenizer": { "path": "/x/tokenizer.json" },
              "shards": { "max_shard_bytes": 8192, "formats": ["parquet"], "validation_share": 0.01 }
            }
            """);
        config.Seed.Should().Be(42);
        config.Input.Extensions.Should().Equal(".txt", ".md");
        config.Input.MaxFileBytes.Should().Be(1000);
        config.Input.FilesPerTask.Should().Be(3);
        config.Tokenizer.Path.Should().Be("/x/tokenizer.json");
        config.Shards.ValidationShare.Should().Be(0.01);
        config.Shards.MaxShardBytes.Should().Be(8192);
        config.Shards.Formats.Should().Equal("parquet");
    }

    [Theory]
    [InlineData("""{"shards": {"max_shard_bytes": 0}}""", "shards.max_shard_bytes", "0")]
    [InlineData("""{"shards": {"max_shard_bytes": "big"}}""", "shards.max_shard_bytes", "\"big\"")]
    [InlineData("""{"input": {"files_per_task": -1}}""", "input.files_per_task", "-1")]
    [InlineData("""{"input": {"extensions": ["txt"]}}""", "input.extensions", "\"txt\"")]
    [InlineData("""{"shards": {"formats": ["webdataset"]}}""", "shards.formats", "\"webdataset\"")]
    [InlineData("""{"stages": [{"name": "S 1"}]}""", "stages[0].name", "\"S 1\"")]
    [InlineData("""{"stages": [{"name": "s1", "mixture": {"domain": {"code": 0.7, "math": 0.5}}}]}""", "stages[0].mixture.domain", "{\"code\": 0.7, \"math\": 0.5}")]
    [InlineData("""{"stages": [{"name": "s1", "mixture": {"length": {"100-50": 0.5}}}]}""", "stages[0].mixture.length.100-50", null)]
    [InlineData("""{"stages": [{"name": "s1", "max_epochs": 0.5}]}""", "stages[0].max_epochs", "0.5")]
    [InlineData("""{"stages": [{"name": "s1", "eligibility": {"domains": ["poetry"]}}]}""", "stages[0].eligibility.domains", "\"poetry\"")]
    [InlineData("""{"stages": []}""", "stages", "[]")]
    [InlineData("""{"shards": {"validation_share": 0.9}}""", "shards.validation_share", "0.9")]
    [InlineData("""{"seed": 1.5}""", "seed", "1.5")]
    [InlineData("""{"filters": {"enabled": "yes"}}""", "filters.enabled", "\"yes\"")]
    [InlineData("""{"dedup": {"min_similarity": 1.5}}""", "dedup.min_similarity", "1.5")]
    [InlineData("""{"dedup": {"bands": 0}}""", "dedup.bands", "0")]
    [InlineData("""{"classify": {"keep_languages": ["english"]}}""", "classify.keep_languages", "\"english\"")]
    [InlineData("""{"classify": {"language_threshold": 2}}""", "classify.language_threshold", "2")]
    [InlineData("""{"classify": {"qwen3_weight": 0.5}}""", "classify.qwen3_weight", "0.5")]
    [InlineData("""{"classify": {"edu_model": ""}}""", "classify.edu_model", "\"\"")]
    public void Invalid_values_name_the_key_and_the_value(string json, string key, string? value)
    {
        var act = () => BuildConfigLoader.Parse(json);
        var e = act.Should().Throw<ConfigException>().Which;
        e.Key.Should().Be(key);
        e.Value.Should().Be(value);
        e.Message.Should().Contain(key).And.Contain(value ?? key);
    }

    [Fact]
    public void Stages_section_is_read_and_round_trips()
    {
        var config = BuildConfigLoader.Parse("""
            {"stages": [
              {"name": "s1", "context_length": 2048},
              {"name": "long", "context_length": 32768, "token_budget": 1000000, "max_epochs": 2.5,
               "eligibility": {"min_tokens": 4096, "max_tokens": null, "languages": ["fra_Latn"], "domains": ["code"], "sources": ["web"], "min_edu_score": 2.5},
               "mixture": {"language": {"fra_Latn": 0.5}, "length": {"16384-": 0.75, "4096-16384": 0.25}}}
            ]}
            """);
        config.Stages.Select(s => s.Name).Should().Equal("s1", "long");
        config.Stages[0].Should().BeEquivalentTo(new StagePlan { Name = "s1", ContextLength = 2048 });
        var plan = config.Stages[1];
        plan.TokenBudget.Should().Be(1_000_000);
        plan.MaxEpochs.Should().Be(2.5);
        plan.Eligibility.Should().BeEquivalentTo(new StageEligibility { MinTokens = 4096, Languages = ["fra_Latn"], Domains = ["code"], Sources = ["web"], MinEduScore = 2.5 });
        plan.Mixture.Length.Should().Equal(new GroupShare("16384-", 0.75), new GroupShare("4096-16384", 0.25));
        BuildConfigLoader.Parse(BuildConfigLoader.ToCanonicalJson(config)).Should().BeEquivalentTo(config);
        BuildConfigLoader.Parse(BuildConfigLoader.ToCanonicalJson(BuildConfig.Default)).Should().BeEquivalentTo(BuildConfig.Default);
    }

    [Fact]
    public void Limits_are_read_validated_and_round_trip()
    {
        var config = BuildConfigLoader.Parse("""
            {"limits": {"document_seconds": 5, "isolation": "none", "worker_processes": 3, "worker_memory_mb": 256, "quarantine_after": 2}}
            """);

        config.Limits.Should().Be(new LimitsConfig { DocumentSeconds = 5, Isolation = "none", WorkerProcesses = 3, WorkerMemoryMb = 256, QuarantineAfter = 2 });
        config.Limits.Isolated.Should().BeFalse();
        BuildConfigLoader.Validate(config).Limits.Should().Be(config.Limits);
        var bad = () => BuildConfigLoader.Parse("""{"limits": {"isolation": "threads"}}""");
        bad.Should().Throw<ConfigException>().WithMessage("*limits.isolation*threads*");
    }

    [Fact]
    public void Default_limits_leave_the_config_hash_as_without_the_section()
    {
        BuildConfigLoader.ToCanonicalJson(BuildConfig.Default).Should().NotContain("limits");
        BuildConfigLoader.Hash(BuildConfigLoader.Parse("""{"limits": {"quarantine_after": 3}}""")).Should().Be(BuildConfigLoader.Hash(BuildConfig.Default));
        BuildConfigLoader.Hash(BuildConfigLoader.Parse("""{"limits": {"quarantine_after": 4}}""")).Should().NotBe(BuildConfigLoader.Hash(BuildConfig.Default));
    }

    [Fact]
    public void Default_stages_are_shaped_after_qwen3()
    {
        var stages = BuildConfig.Default.Stages;
        stages.Select(s => (s.Name, s.ContextLength)).Should().Equal(("s1", 4096), ("s2", 4096), ("s3", 32768));
        stages[1].Mixture.Domain.Sum(s => s.Share).Should().BeApproximately(0.6, 1e-9);
        stages[2].Eligibility.MinTokens.Should().Be(4096);
        stages[2].Mixture.Length.Should().Contain(new GroupShare("16384-", 0.75));
    }

    [Fact]
    public void Filters_and_dedup_sections_are_read()
    {
        var config = BuildConfigLoader.Parse("""{"filters": {"pii": false, "url_blocklist": "/x/block.txt"}, "dedup": {"fuzzy": false, "bands": 20, "rows_per_band": 5, "min_similarity": 0}}""");
        config.Filters.Should().Be(new FiltersConfig { Pii = false, UrlBlocklist = "/x/block.txt" });
        config.Dedup.Should().Be(new DedupConfig { Fuzzy = false, Bands = 20, RowsPerBand = 5, MinSimilarity = 0 });
        BuildConfigLoader.Parse(BuildConfigLoader.ToCanonicalJson(config)).Should().BeEquivalentTo(config);
    }

    [Fact]
    public void Classify_section_is_read_and_round_trips()
    {
        var config = BuildConfigLoader.Parse("""
            {"classify": {"language_model": "/m/lid.176.ftz", "language_threshold": 0.3, "qwen3_weight": 1, "keep_languages": ["fra_Latn", "eng_Latn", "fra_Latn"],
                          "code": false, "edu_model": "/m/edu.bin", "domain_model": null}}
            """);
        config.Classify.LanguageModel.Should().Be("/m/lid.176.ftz");
        config.Classify.LanguageThreshold.Should().Be(0.3);
        config.Classify.Qwen3Weight.Should().Be(1);
        config.Classify.KeepLanguages.Should().Equal("eng_Latn", "fra_Latn");
        config.Classify.Code.Should().BeFalse();
        config.Classify.EduModel.Should().Be("/m/edu.bin");
        config.Classify.DomainModel.Should().BeNull();
        BuildConfigLoader.Parse(BuildConfigLoader.ToCanonicalJson(config)).Should().BeEquivalentTo(config);
        BuildConfigLoader.Hash(config).Should().NotBe(BuildConfigLoader.Hash(BuildConfig.Default));
    }

    [Fact]
    public void Unknown_keys_are_errors_naming_the_key()
    {
        var act = () => BuildConfigLoader.Parse("""{"input": {"max_file_byte": 10}}""");
        act.Should().Throw<ConfigException>().Which.Key.Should().Be("input.max_file_byte");
    }

    [Fact]
    public void Malformed_json_names_the_origin()
    {
        var act = () => BuildConfigLoader.Parse("{ nope", "my.json");
        act.Should().Throw<ConfigException>().WithMessage("*my.json*");
    }

    [Fact]
    public void Canonical_json_round_trips_and_hash_tracks_content()
    {
        var config = BuildConfig.Default with { Seed = 7 };
        BuildConfigLoader.Parse(BuildConfigLoader.ToCanonicalJson(config)).Should().BeEquivalentTo(config);
        BuildConfigLoader.Hash(config).Should().Be(BuildConfigLoader.Hash(BuildConfig.Default with { Seed = 7 }));
        BuildConfigLoader.Hash(config).Should().NotBe(BuildConfigLoader.Hash(BuildConfig.Default));
    }
}
