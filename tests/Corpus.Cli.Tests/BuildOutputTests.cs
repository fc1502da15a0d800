using Corpus.Shards.Manifests;
using Corpus.Tokenizer;
using DuckDB.NET.Data;

namespace Corpus.Cli.Tests;

public sealed class BuildOutputTests(MultilingualBuildFixture build) : IClassFixture<MultilingualBuildFixture>
{
    private static readonly QwenTokenizer Tokenizer = QwenTokenizer.LoadDefault();

    [Fact]
    public void Build_succeeds_and_reports_its_totals()
    {
        build.Result.ExitCode.Should().Be(0, build.Result.Stderr);
        build.Result.Stdout.Should().Contain($"{build.Expected.Count} documents");
    }

    [Fact]
    public void Megatron_shards_decode_to_the_source_texts_each_ending_with_endoftext()
    {
        build.Result.ExitCode.Should().Be(0, build.Result.Stderr);
        var stage = Path.Combine(build.Output, "shards", "s1", "train");
        var bins = Directory.GetFiles(stage, "*.bin").Order(StringComparer.Ordinal).ToList();
        bins.Count.Should().BeGreaterThan(1, "a 64 KiB shard size over this input rolls over");
        var sequences = bins.SelectMany(b => MegatronTestReader.Read(Path.ChangeExtension(b, ".idx"), b)).ToList();
        sequences.Should().HaveCount(build.Expected.Count);
        var eot = Tokenizer.EndOfTextId;
        foreach (var (seq, (path, text)) in sequences.Zip(build.Expected))
        {
            seq[^1].Should().Be(eot, path);
            seq[..^1].Should().NotContain(eot, $"{path}: literal special-token text is encoded as text");
            Tokenizer.Decode(seq).Should().Be(text + "<|endoftext|>", path);
        }
    }

    [Fact]
    public void Packed_parquet_shards_docs_and_rejects_are_read_by_duckdb()
    {
        build.Result.ExitCode.Should().Be(0, build.Result.Stderr);
        var manifest = Manifest.Load(Path.Combine(build.Output, "manifest.json"));
        using var db = new DuckDBConnection("Data Source=:memory:");
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = $"SELECT count(*), sum(len(input_ids)), sum(padding), min(len(input_ids)), max(len(input_ids)), count(DISTINCT document_ids[1]) FROM read_parquet('{build.Output}/shards/s1/train/*.packed.parquet')";
        using (var r = cmd.ExecuteReader())
        {
            r.Read().Should().BeTrue();
            var sequences = r.GetInt64(0);
            (r.GetInt64(1) - r.GetInt64(2)).Should().Be(manifest.Totals.Tokens, "every document token is in a packed sequence once");
            r.GetInt32(3).Should().Be(4096);
            r.GetInt32(4).Should().Be(4096);
            sequences.Should().BeGreaterThan(0);
        }

        cmd.CommandText = $"SELECT count(*) FROM (SELECT unnest(document_ids) AS id, unnest(chunk_indexes) AS chunk FROM read_parquet('{build.Output}/shards/s1/train/*.packed.parquet')) WHERE chunk = 0";
        ((long)cmd.ExecuteScalar()!).Should().Be(manifest.Totals.Documents, "each document starts in exactly one segment");

        cmd.CommandText = $"SELECT source_uri, text FROM read_parquet('{build.Output}/docs/*.parquet') ORDER BY source_uri";
        var docs = new List<(string, string)>();
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                docs.Add((r.GetString(0), r.GetString(1)));
            }
        }

        docs.Should().Equal(build.Expected.Select(e => (e.Key, e.Value)));
        cmd.CommandText = $"SELECT count(*) FROM read_parquet('{build.Output}/rejects/*.parquet')";
        ((long)cmd.ExecuteScalar()!).Should().Be(0);
    }

    [Fact]
    public void Manifest_counts_every_document_and_token_by_language_domain_and_source()
    {
        build.Result.ExitCode.Should().Be(0, build.Result.Stderr);
        var manifest = Manifest.Load(Path.Combine(build.Output, "manifest.json"));
        manifest.Totals.Documents.Should().Be(build.Expected.Count);
        manifest.EndOfTextId.Should().Be(Tokenizer.EndOfTextId);
        manifest.TokenizerSha256.Should().Be(Tokenizer.Sha256);
        manifest.TokenCounts.Should().ContainSingle().Which.Should().Be(
            new ManifestTokenCount("s1", "und_Zzzz", "unknown", "file", manifest.Totals.Documents, manifest.Totals.Tokens));
        manifest.Files.Select(f => f.Path).Should().OnlyContain(p => p.StartsWith("shards/s1/train/part-", StringComparison.Ordinal) || p.StartsWith("shards/s1/train/packed-", StringComparison.Ordinal));
    }

    [Fact]
    public void Verify_passes_on_an_untouched_build()
    {
        build.Result.ExitCode.Should().Be(0, build.Result.Stderr);
        var (code, stdout, stderr) = TestEnvironment.Run(null, "shards", "verify", build.Output);
        code.Should().Be(0, stderr);
        stdout.Should().Contain("ok");
    }

    [Theory]
    [InlineData(".bin")]
    [InlineData(".idx")]
    [InlineData(".parquet")]
    [InlineData("manifest.json")]
    public void Flipping_one_byte_of_any_shard_fails_verify_naming_that_file(string which)
    {
        build.Result.ExitCode.Should().Be(0, build.Result.Stderr);
        var copy = TestEnvironment.NewTempDir("verify");
        try
        {
            foreach (var (rel, bytes) in TestEnvironment.Snapshot(build.Output))
            {
                var dest = Path.Combine(copy, rel);
                Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
                File.WriteAllBytes(dest, bytes);
            }

            var target = which == "manifest.json"
                ? "manifest.json"
                : Directory.GetFiles(Path.Combine(copy, "shards", "s1", "train"), "*" + which).Order(StringComparer.Ordinal).Skip(1).First()
                    .Replace(copy + "/", string.Empty, StringComparison.Ordinal);
            var path = Path.Combine(copy, target);
            var data = File.ReadAllBytes(path);
            data[data.Length / 2] ^= 0x01;
            File.WriteAllBytes(path, data);

            var (code, _, stderr) = TestEnvironment.Run(null, "shards", "verify", copy);
            code.Should().Be(1);
            stderr.Should().Contain(target);
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }
}
