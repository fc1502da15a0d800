using System.Text;
using Corpus.Shards.Manifests;

namespace Corpus.Shards.Tests.Manifests;

public sealed class ManifestTests
{
    private static Manifest Sample() => new()
    {
        ConfigSha256 = "c0",
        TokenizerSha256 = "70",
        Seed = 42,
        EndOfTextId = 151643,
        Totals = new ManifestTotals(3, 30),
        Files =
        [
            new ManifestFile("shards/s1/part-00000-0000.idx", "ab", 94, 3, 30),
            new ManifestFile("shards/s1/part-00000-0000.bin", "cd", 120, 3, 30),
        ],
        TokenCounts =
        [
            new ManifestTokenCount("s1", "eng_Latn", "unknown", "web", 1, 10),
            new ManifestTokenCount("s1", "eng_Latn", "math", "file", 2, 20),
        ],
    };

    [Fact]
    public void Writes_canonical_json_with_fixed_key_order_sorted_lists_and_lf()
    {
        var text = Encoding.UTF8.GetString(ManifestWriter.ToUtf8Bytes(Sample()));
        var body = """
            {
              "format": "corpus-manifest/2",
              "config_sha256": "c0",
              "tokenizer_sha256": "70",
              "seed": 42,
              "end_of_text_id": 151643,
              "totals": {
                "documents": 3,
                "tokens": 30
              },
              "files": [
                {
                  "path": "shards/s1/part-00000-0000.bin",
                  "sha256": "cd",
                  "bytes": 120,
                  "documents": 3,
                  "tokens": 30
                },
                {
                  "path": "shards/s1/part-00000-0000.idx",
                  "sha256": "ab",
                  "bytes": 94,
                  "documents": 3,
                  "tokens": 30
                }
              ],
              "token_counts": [
                {
                  "stage": "s1",
                  "split": "train",
                  "language": "eng_Latn",
                  "domain": "math",
                  "source": "file",
                  "documents": 2,
                  "tokens": 20
                },
                {
                  "stage": "s1",
                  "split": "train",
                  "language": "eng_Latn",
                  "domain": "unknown",
                  "source": "web",
                  "documents": 1,
                  "tokens": 10
                }
              ]
            }
            """.ReplaceLineEndings("\n") + "\n";

        // The checksum is the SHA-256 of the same text without the checksum key.
        var checksum = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(body)));
        var expected = body[..^3] + $",\n  \"checksum\": \"{checksum}\"\n}}\n";
        text.Should().Be(expected);
        text.Should().NotContain("\r");
    }

    [Fact]
    public async Task Load_reads_back_what_was_written()
    {
        using var dir = new TempDirectory();
        var manifest = Sample();
        await ManifestWriter.WriteAsync(manifest, dir["manifest.json"]);

        var loaded = Manifest.Load(dir["manifest.json"]);

        loaded.Should().BeEquivalentTo(manifest with
        {
            Files = manifest.Files.OrderBy(f => f.Path, StringComparer.Ordinal).ToArray(),
            TokenCounts = manifest.TokenCounts.OrderBy(c => c.Domain, StringComparer.Ordinal).ToArray(),
        }, o => o.WithStrictOrdering());
        ManifestWriter.ToUtf8Bytes(loaded).Should().Equal(await File.ReadAllBytesAsync(dir["manifest.json"]));
    }

    [Theory]
    [InlineData("{ \"format\": ")]
    [InlineData("[]")]
    [InlineData("not json")]
    public async Task Load_rejects_malformed_json_naming_the_file(string content)
    {
        using var dir = new TempDirectory();
        await File.WriteAllTextAsync(dir["manifest.json"], content);

        var load = () => Manifest.Load(dir["manifest.json"]);

        load.Should().Throw<InvalidDataException>().Which.Message.Should().Contain(dir["manifest.json"]);
    }

    [Fact]
    public async Task Load_rejects_an_edited_value_by_its_checksum()
    {
        using var dir = new TempDirectory();
        await ManifestWriter.WriteAsync(Sample(), dir["manifest.json"]);
        var text = await File.ReadAllTextAsync(dir["manifest.json"]);
        await File.WriteAllTextAsync(dir["manifest.json"], text.Replace("\"bytes\": 120", "\"bytes\": 121", StringComparison.Ordinal));

        var load = () => Manifest.Load(dir["manifest.json"]);

        load.Should().Throw<InvalidDataException>().Which.Message.Should().Contain("checksum");
    }

    [Fact]
    public async Task Load_rejects_a_missing_or_unknown_key()
    {
        using var dir = new TempDirectory();
        await ManifestWriter.WriteAsync(Sample(), dir["manifest.json"]);
        var text = await File.ReadAllTextAsync(dir["manifest.json"]);
        await File.WriteAllTextAsync(dir["manifest.json"], text.Replace("\"seed\"", "\"sead\"", StringComparison.Ordinal));

        var load = () => Manifest.Load(dir["manifest.json"]);

        load.Should().Throw<InvalidDataException>().Which.Message.Should().Contain("unknown key 'sead'");
    }

    [Fact]
    public void Builder_counts_each_shard_once_across_formats()
    {
        ShardTokenCount[] counts = [new("eng_Latn", "unknown", "web", 2, 50), new("fra_Latn", "unknown", "web", 1, 5)];
        ShardFile[] files =
        [
            new("p-0000.bin", "p-0000", "1", 220, 3, 55, counts),
            new("p-0000.idx", "p-0000", "2", 98, 3, 55, counts),
            new("p-0000.parquet", "p-0000", "3", 900, 3, 55, counts),
        ];

        var manifest = new ManifestBuilder("c", "t", 1, 0).AddShards("s2", "shards/s2/", files).Build();

        manifest.Files.Select(f => f.Path).Should().Equal("shards/s2/p-0000.bin", "shards/s2/p-0000.idx", "shards/s2/p-0000.parquet");
        manifest.Totals.Should().Be(new ManifestTotals(3, 55));
        manifest.TokenCounts.Should().Equal(
            new ManifestTokenCount("s2", "eng_Latn", "unknown", "web", 2, 50),
            new ManifestTokenCount("s2", "fra_Latn", "unknown", "web", 1, 5));
    }
}
