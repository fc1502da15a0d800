using Corpus.Shards.Manifests;
using Corpus.Shards.Verification;

namespace Corpus.Shards.Tests.Verification;

public sealed class ShardVerifierTests
{
    [Fact]
    public async Task Clean_output_passes()
    {
        using var dir = new TempDirectory();
        var manifest = await Shards.WriteOutputAsync(dir.Path);

        var result = ShardVerifier.Verify(dir.Path);

        result.Faults.Should().BeEmpty();
        result.IsValid.Should().BeTrue();
        manifest.Files.Select(f => f.Path).Where(p => p.StartsWith("shards/s1/", StringComparison.Ordinal)).Should().HaveCountGreaterThan(6, "s1 rolls over");
    }

    [Theory]
    [InlineData(".bin", 0.0)]
    [InlineData(".bin", 0.5)]
    [InlineData(".bin", 1.0)]
    [InlineData(".idx", 0.0)]
    [InlineData(".idx", 0.1)]
    [InlineData(".idx", 0.5)]
    [InlineData(".idx", 1.0)]
    [InlineData(".parquet", 0.0)]
    [InlineData(".parquet", 0.5)]
    [InlineData(".parquet", 1.0)]
    [InlineData("manifest.json", 0.0)]
    [InlineData("manifest.json", 0.3)]
    [InlineData("manifest.json", 0.6)]
    [InlineData("manifest.json", 1.0)]
    public async Task A_flipped_byte_is_reported_against_exactly_that_file(string kind, double where)
    {
        using var dir = new TempDirectory();
        var manifest = await Shards.WriteOutputAsync(dir.Path);
        var target = kind == "manifest.json" ? "manifest.json" : manifest.Files.Select(f => f.Path).Where(p => p.EndsWith(kind, StringComparison.Ordinal)).ElementAt(1);
        var bytes = await File.ReadAllBytesAsync(dir[target]);
        var at = (int)Math.Min(bytes.Length - 1, where * bytes.Length);
        bytes[at] ^= 0x01;
        await File.WriteAllBytesAsync(dir[target], bytes);

        var result = ShardVerifier.Verify(dir.Path);

        result.IsValid.Should().BeFalse();
        result.Faults.Should().OnlyContain(f => f.Path == target, $"only {target} was changed (byte {at}); faults: {string.Join("; ", result.Faults)}");
    }

    [Fact]
    public async Task A_truncated_idx_is_reported()
    {
        using var dir = new TempDirectory();
        var manifest = await Shards.WriteOutputAsync(dir.Path);
        var idx = manifest.Files.First(f => f.Path.EndsWith(".idx", StringComparison.Ordinal)).Path;
        var bytes = await File.ReadAllBytesAsync(dir[idx]);
        await File.WriteAllBytesAsync(dir[idx], bytes[..^10]);

        var result = ShardVerifier.Verify(dir.Path);

        result.Faults.Should().NotBeEmpty().And.OnlyContain(f => f.Path == idx);
        result.Faults.Should().Contain(f => f.Message.Contains("bytes, the manifest says", StringComparison.Ordinal));
        result.Faults.Should().Contain(f => f.Message.Contains("header counts", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unlisted_shard_file_is_reported()
    {
        using var dir = new TempDirectory();
        await Shards.WriteOutputAsync(dir.Path);
        await File.WriteAllBytesAsync(dir["shards/s2/stray-0000.bin"], new byte[8]);

        var result = ShardVerifier.Verify(dir.Path);

        result.Faults.Should().ContainSingle().Which.Should().Be(new ShardVerificationFault("shards/s2/stray-0000.bin", "is a shard file the manifest does not list"));
    }

    [Theory]
    [InlineData(".bin")]
    [InlineData(".idx")]
    [InlineData(".parquet")]
    public async Task A_missing_file_is_reported(string kind)
    {
        using var dir = new TempDirectory();
        var manifest = await Shards.WriteOutputAsync(dir.Path);
        var target = manifest.Files.Last(f => f.Path.EndsWith(kind, StringComparison.Ordinal)).Path;
        File.Delete(dir[target]);

        var result = ShardVerifier.Verify(dir.Path);

        result.Faults.Should().ContainSingle().Which.Should().Be(new ShardVerificationFault(target, "listed in the manifest but missing"));
    }

    [Fact]
    public void A_missing_manifest_is_reported()
    {
        using var dir = new TempDirectory();

        var result = ShardVerifier.Verify(dir.Path);

        result.Faults.Should().ContainSingle().Which.Should().Be(new ShardVerificationFault("manifest.json", "missing"));
    }

    [Fact]
    public async Task Malformed_manifest_json_is_reported()
    {
        using var dir = new TempDirectory();
        await Shards.WriteOutputAsync(dir.Path);
        await File.WriteAllTextAsync(dir["manifest.json"], "{\"format\": \"corpus-manifest/2\",");

        var result = ShardVerifier.Verify(dir.Path);

        result.Faults.Should().ContainSingle().Which.Path.Should().Be("manifest.json");
        result.Faults[0].Message.Should().Contain("not valid JSON");
    }

    [Fact]
    public async Task Totals_that_do_not_add_up_are_reported()
    {
        using var dir = new TempDirectory();
        var manifest = await Shards.WriteOutputAsync(dir.Path);
        await ManifestWriter.WriteAsync(manifest with { Totals = manifest.Totals with { Tokens = manifest.Totals.Tokens + 1 } }, dir["manifest.json"]);

        var result = ShardVerifier.Verify(dir.Path);

        result.Faults.Should().ContainSingle().Which.Path.Should().Be("manifest.json");
        result.Faults[0].Message.Should().Contain("totals say");
    }

    [Fact]
    public async Task Token_counts_that_disagree_with_the_files_are_reported()
    {
        using var dir = new TempDirectory();
        var manifest = await Shards.WriteOutputAsync(dir.Path);
        var first = manifest.TokenCounts[0];
        var counts = manifest.TokenCounts.Skip(1).Prepend(first with { Documents = first.Documents + 1 }).ToArray();
        await ManifestWriter.WriteAsync(manifest with { TokenCounts = counts, Totals = manifest.Totals with { Documents = manifest.Totals.Documents + 1 } }, dir["manifest.json"]);

        var result = ShardVerifier.Verify(dir.Path);

        result.Faults.Should().NotBeEmpty().And.OnlyContain(f => f.Path == "manifest.json" && f.Message.Contains($"stage '{first.Stage}'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Documents_not_ending_with_the_recorded_end_of_text_id_are_reported()
    {
        using var dir = new TempDirectory();
        await Shards.WriteOutputAsync(dir.Path, endOfTextIdInManifest: 7);

        var result = ShardVerifier.Verify(dir.Path);

        result.Faults.Should().NotBeEmpty().And.OnlyContain(f => f.Path.EndsWith(".bin", StringComparison.Ordinal) && f.Message.Contains("not the end-of-text id 7", StringComparison.Ordinal));
    }
}
