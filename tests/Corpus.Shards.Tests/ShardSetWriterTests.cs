using System.Security.Cryptography;
using Corpus.Shards.Manifests;
using Corpus.Shards.Megatron;
using Parquet;
using Parquet.Schema;

namespace Corpus.Shards.Tests;

public sealed class ShardSetWriterTests
{
    [Fact]
    public async Task Rolls_over_at_the_size_bound_on_document_boundaries()
    {
        using var dir = new TempDirectory();
        // 10 documents of 100 tokens = 400 bytes each; a 1000-byte bound fits two per shard.
        var docs = Enumerable.Range(0, 10).Select(i => Docs.OfLength($"d{i}", 100)).ToList();
        var files = await Shards.WriteAsync(dir.Path, docs, maxShardBytes: 1000);

        files.Select(f => f.Path).Should().Equal(
            Enumerable.Range(0, 5).SelectMany(r => new[] { $"part-00003-{r:D4}.bin", $"part-00003-{r:D4}.idx", $"part-00003-{r:D4}.parquet" }));
        files.Where(f => f.Path.EndsWith(".bin", StringComparison.Ordinal)).Should().OnlyContain(f => f.Bytes == 800 && f.Documents == 2 && f.Tokens == 200);
        Directory.GetFiles(dir.Path).Should().HaveCount(15);
    }

    [Fact]
    public async Task A_document_larger_than_the_bound_gets_a_shard_of_its_own()
    {
        using var dir = new TempDirectory();
        var docs = new[] { Docs.OfLength("a", 10), Docs.OfLength("big", 500), Docs.OfLength("c", 10) };
        var files = await Shards.WriteAsync(dir.Path, docs, maxShardBytes: 100, formats: ShardFormats.Megatron);

        files.Where(f => f.Path.EndsWith(".bin", StringComparison.Ordinal)).Select(f => (f.Path, f.Documents, f.Bytes)).Should().Equal(
            ("part-00003-0000.bin", 1L, 40L),
            ("part-00003-0001.bin", 1L, 2000L),
            ("part-00003-0002.bin", 1L, 40L));
    }

    [Fact]
    public async Task Bin_idx_and_parquet_of_each_roll_hold_the_same_documents()
    {
        using var dir = new TempDirectory();
        var docs = Docs.Random(seed: 11, count: 60);
        var files = await Shards.WriteAsync(dir.Path, docs, maxShardBytes: 8000);
        var shards = files.Select(f => f.Shard).Distinct().ToList();
        shards.Should().HaveCountGreaterThan(2);

        var next = 0;
        foreach (var shard in shards)
        {
            using var dataset = MegatronIndexedDataset.Open(dir[shard + ".idx"], dir[shard + ".bin"]);
            dataset.BinBytes.Should().BeLessThanOrEqualTo(8000);
            var rows = await ReadParquetAsync(dir[shard + ".parquet"]);
            rows.Should().HaveCount(dataset.SequenceCount);
            for (var i = 0; i < dataset.SequenceCount; i++, next++)
            {
                dataset.GetSequence(i).Should().Equal(docs[next].Tokens.ToArray());
                rows[i].Id.Should().Be(docs[next].Id);
                rows[i].Tokens.Should().Equal(docs[next].Tokens.ToArray());
            }

            files.Where(f => f.Shard == shard).Select(f => f.Documents).Distinct().Should().Equal((long)dataset.SequenceCount);
        }

        next.Should().Be(docs.Count);
    }

    [Fact]
    public async Task A_writer_without_documents_creates_no_files()
    {
        using var dir = new TempDirectory();
        var output = Path.Combine(dir.Path, "stage");
        var files = await Shards.WriteAsync(output, []);

        files.Should().BeEmpty();
        Directory.Exists(output).Should().BeFalse();
    }

    [Fact]
    public async Task A_document_not_ending_with_end_of_text_is_rejected()
    {
        using var dir = new TempDirectory();
        await using var writer = ShardSetWriter.Create(new ShardSetOptions { OutputDirectory = dir.Path, BaseName = "p", EndOfTextId = Docs.EndOfText });

        var add = async () => await writer.AddAsync(new ShardDocument("x", "eng_Latn", "file", "unknown", new[] { 1, 2, 3 }));
        var empty = async () => await writer.AddAsync(new ShardDocument("y", "eng_Latn", "file", "unknown", Array.Empty<int>()));

        (await add.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain("'x'").And.Contain(Docs.EndOfText.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await empty.Should().ThrowAsync<ArgumentException>();
    }

    [Fact]
    public async Task Reported_hashes_sizes_and_counts_match_the_files()
    {
        using var dir = new TempDirectory();
        var docs = Docs.Random(seed: 5, count: 80);
        var files = await Shards.WriteAsync(dir.Path, docs, maxShardBytes: 20_000);

        foreach (var file in files)
        {
            var bytes = await File.ReadAllBytesAsync(dir[file.Path]);
            file.Bytes.Should().Be(bytes.Length, file.Path);
            file.Sha256.Should().Be(Convert.ToHexStringLower(SHA256.HashData(bytes)), file.Path);
            file.Counts.Sum(c => c.Documents).Should().Be(file.Documents);
            file.Counts.Sum(c => c.Tokens).Should().Be(file.Tokens);
        }

        var bins = files.Where(f => f.Path.EndsWith(".bin", StringComparison.Ordinal)).ToList();
        var byKey = bins.SelectMany(f => f.Counts).GroupBy(c => (c.Language, c.Domain, c.Source)).ToDictionary(g => g.Key, g => (g.Sum(c => c.Documents), g.Sum(c => c.Tokens)));
        var expected = docs.GroupBy(d => (d.Language, d.Domain, d.Source)).ToDictionary(g => g.Key, g => ((long)g.Count(), g.Sum(d => (long)d.Tokens.Length)));
        byKey.Should().BeEquivalentTo(expected);
        bins[0].Counts.Select(c => (c.Language, c.Domain, c.Source)).Should().BeInAscendingOrder(Comparer<(string, string, string)>.Create((x, y) =>
            string.CompareOrdinal($"{x.Item1}\0{x.Item2}\0{x.Item3}", $"{y.Item1}\0{y.Item2}\0{y.Item3}")));
    }

    [Fact]
    public async Task The_same_documents_give_byte_identical_files_and_manifests()
    {
        using var a = new TempDirectory();
        using var b = new TempDirectory();
        var manifestA = await Shards.WriteOutputAsync(a.Path, seed: 21);
        await Task.Delay(1100); // a clock that leaked into the bytes would show
        var manifestB = await Shards.WriteOutputAsync(b.Path, seed: 21);

        manifestA.Files.Should().NotBeEmpty();
        foreach (var file in manifestA.Files)
        {
            (await File.ReadAllBytesAsync(b[file.Path])).Should().Equal(await File.ReadAllBytesAsync(a[file.Path]), file.Path);
        }

        manifestB.Files.Select(f => f.Path).Should().Equal(manifestA.Files.Select(f => f.Path));
        (await File.ReadAllBytesAsync(b["manifest.json"])).Should().Equal(await File.ReadAllBytesAsync(a["manifest.json"]));
    }

    [Fact]
    public async Task Parquet_only_writes_no_megatron_files()
    {
        using var dir = new TempDirectory();
        var files = await Shards.WriteAsync(dir.Path, Docs.Random(2, 5), formats: ShardFormats.Parquet);

        files.Select(f => f.Path).Should().Equal("part-00003-0000.parquet");
        Directory.GetFiles(dir.Path).Select(Path.GetFileName).Should().Equal("part-00003-0000.parquet");
    }

    internal static async Task<List<(string Id, int[] Tokens, int TokenCount, string Language, string Source)>> ReadParquetAsync(string path)
    {
        var rows = new List<(string, int[], int, string, string)>();
        await using var reader = await ParquetReader.CreateAsync(path);
        var fields = reader.Schema.DataFields;
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            var group = reader.OpenRowGroupReader(g);
            var n = (int)group.RowCount;
            var ids = new string?[n];
            var counts = new int[n];
            var languages = new string?[n];
            var sources = new string?[n];
            await group.ReadAsync(fields.Single(f => f.Name == "id"), ids.AsMemory(), null);
            await group.ReadAsync<int>(fields.Single(f => f.Name == "token_count"), counts.AsMemory(), null);
            await group.ReadAsync(fields.Single(f => f.Name == "language"), languages.AsMemory(), null);
            await group.ReadAsync(fields.Single(f => f.Name == "source"), sources.AsMemory(), null);
            var values = new int[counts.Sum()];
            var definitions = new int[values.Length];
            var repetitions = new int[values.Length];
            await group.ReadRawAsync<int>(fields.Single(f => f.Path.ToString().StartsWith("tokens", StringComparison.Ordinal)), values, definitions, repetitions);
            definitions.Should().OnlyContain(d => d == 2, "every token is present");
            repetitions.Count(r => r == 0).Should().Be(n, "each row's list starts with repetition level 0");
            var at = 0;
            for (var i = 0; i < n; i++)
            {
                rows.Add((ids[i]!, values[at..(at + counts[i])], counts[i], languages[i]!, sources[i]!));
                at += counts[i];
            }

            at.Should().Be(values.Length);
        }

        return rows;
    }
}
