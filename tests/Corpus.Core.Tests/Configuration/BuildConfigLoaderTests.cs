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
              "shards": { "stage": "s2", "max_shard_bytes": 8192, "formats": ["parquet"] }
            }
            """);
        config.Seed.Should().Be(42);
        config.Input.Extensions.Should().Equal(".txt", ".md");
        config.Input.MaxFileBytes.Should().Be(1000);
        config.Input.FilesPerTask.Should().Be(3);
        config.Tokenizer.Path.Should().Be("/x/tokenizer.json");
        config.Shards.Stage.Should().Be("s2");
        config.Shards.MaxShardBytes.Should().Be(8192);
        config.Shards.Formats.Should().Equal("parquet");
    }

    [Theory]
    [InlineData("""{"shards": {"max_shard_bytes": 0}}""", "shards.max_shard_bytes", "0")]
    [InlineData("""{"shards": {"max_shard_bytes": "big"}}""", "shards.max_shard_bytes", "\"big\"")]
    [InlineData("""{"input": {"files_per_task": -1}}""", "input.files_per_task", "-1")]
    [InlineData("""{"input": {"extensions": ["txt"]}}""", "input.extensions", "\"txt\"")]
    [InlineData("""{"shards": {"formats": ["webdataset"]}}""", "shards.formats", "\"webdataset\"")]
    [InlineData("""{"shards": {"stage": "S 1"}}""", "shards.stage", "\"S 1\"")]
    [InlineData("""{"seed": 1.5}""", "seed", "1.5")]
    [InlineData("""{"filters": {"enabled": "yes"}}""", "filters.enabled", "\"yes\"")]
    [InlineData("""{"dedup": {"min_similarity": 1.5}}""", "dedup.min_similarity", "1.5")]
    [InlineData("""{"dedup": {"bands": 0}}""", "dedup.bands", "0")]
    [InlineData("""{"classify": {"keep_languages": ["english"]}}""", "classify.keep_languages", "\"english\"")]
    [InlineData("""{"classify": {"language_threshold": 2}}""", "classify.language_threshold", "2")]
    [InlineData("""{"classify": {"qwen3_weight": 0.5}}""", "classify.qwen3_weight", "0.5")]
    [InlineData("""{"classify": {"edu_model": ""}}""", "classify.edu_model", "\"\"")]
    public void Invalid_values_name_the_key_and_the_value(string json, string key, string value)
    {
        var act = () => BuildConfigLoader.Parse(json);
        var e = act.Should().Throw<ConfigException>().Which;
        e.Key.Should().Be(key);
        e.Value.Should().Be(value);
        e.Message.Should().Contain(key).And.Contain(value);
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
