using System.Security.Cryptography;
using Corpus.Shards.Packing;
using DuckDB.NET.Data;
using Parquet;

namespace Corpus.Shards.Tests.Packing;

public sealed class PackedParquetWriterTests
{
    private const int Context = 512;

    internal static List<PackedSequence> Sequences(int seed = 11, int count = 300) =>
        PackingCorpus.PackAll(PackingCorpus.Create("best-fit", Context, windowTokens: 8 * Context), PackingCorpus.LogNormal(seed, count, median: 120, sigma: 1.2));

    internal static async Task<PackedParquetFile> WriteAsync(string path, IEnumerable<PackedSequence> sequences, int rowGroupSequences = 40)
    {
        await using var writer = await PackedParquetWriter.CreateAsync(path, new PackedParquetOptions { ContextLength = Context, PadId = PackingCorpus.PadId, RowGroupSequences = rowGroupSequences });
        foreach (var sequence in sequences)
        {
            await writer.AddAsync(sequence);
        }

        return await writer.CompleteAsync();
    }

    internal static async Task<List<PackedSequence>> ReadAsync(string path)
    {
        var rows = new List<PackedSequence>();
        await using var reader = await PackedParquetReader.OpenAsync(path);
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            rows.AddRange(await reader.ReadRowGroupAsync(g));
        }

        return rows;
    }

    [Fact]
    public async Task ParquetNet_reads_back_the_sequences_written()
    {
        using var dir = new TempDirectory();
        var sequences = Sequences();

        var file = await WriteAsync(dir["a.packed.parquet"], sequences);

        var rows = await ReadAsync(dir["a.packed.parquet"]);
        rows.Select(PackingCorpus.Describe).Should().Equal(sequences.Select(PackingCorpus.Describe));
        file.Sequences.Should().Be(sequences.Count);
        file.Segments.Should().Be(sequences.Sum(s => s.SegmentCount));
        file.Tokens.Should().Be(sequences.Sum(s => (long)s.RealTokens));
        file.Bytes.Should().Be(new FileInfo(dir["a.packed.parquet"]).Length);
        file.Sha256.Should().Be(Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(dir["a.packed.parquet"]))));

        await using var raw = await ParquetReader.CreateAsync(dir["a.packed.parquet"]);
        raw.CustomMetadata.Should().Contain("corpus.context_length", "512").And.Contain("corpus.pad_id", PackingCorpus.PadId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        raw.RowGroupCount.Should().Be((sequences.Count + 39) / 40, "row groups hold at most 40 sequences");
    }

    [Fact]
    public async Task DuckDB_reads_the_lists_written()
    {
        using var dir = new TempDirectory();
        var sequences = Sequences(seed: 12, count: 120);
        await WriteAsync(dir["b.packed.parquet"], sequences);
        var path = dir["b.packed.parquet"].Replace("'", "''", StringComparison.Ordinal);

        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT len(input_ids), cu_seqlens, document_ids, padding FROM read_parquet('{path}')";
        using var reader = command.ExecuteReader();
        var i = 0;
        while (reader.Read())
        {
            var expected = sequences[i++];
            Convert.ToInt64(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture).Should().Be(Context);
            ((System.Collections.IEnumerable)reader.GetValue(1)).Cast<int>().Should().Equal(expected.CuSeqlens);
            ((System.Collections.IEnumerable)reader.GetValue(2)).Cast<string>().Should().Equal(expected.DocumentIds);
            reader.GetInt32(3).Should().Be(expected.Padding);
        }

        i.Should().Be(sequences.Count);
    }

    [Fact]
    public async Task The_same_sequences_give_byte_identical_files()
    {
        using var dir = new TempDirectory();

        var first = await WriteAsync(dir["1.packed.parquet"], Sequences());
        var second = await WriteAsync(dir["2.packed.parquet"], Sequences());

        second.Should().Be(first);
        (await File.ReadAllBytesAsync(dir["2.packed.parquet"])).Should().Equal(await File.ReadAllBytesAsync(dir["1.packed.parquet"]));
    }

    [Fact]
    public async Task A_sequence_that_is_not_the_context_length_or_has_bad_boundaries_is_rejected()
    {
        using var dir = new TempDirectory();
        await using var writer = await PackedParquetWriter.CreateAsync(dir["c.packed.parquet"], new PackedParquetOptions { ContextLength = 8, PadId = 0 });
        string[] one = ["x"];

        var shortRow = async () => await writer.AddAsync(new PackedSequence(new int[7], [0, 7], one, [0], one, one, one, 0));
        var overlapping = async () => await writer.AddAsync(new PackedSequence(new int[8], [0, 5, 5, 8], ["x", "y", "z"], [0, 0, 0], ["a", "a", "a"], ["d", "d", "d"], ["s", "s", "s"], 0));
        var wrongPadding = async () => await writer.AddAsync(new PackedSequence(new int[8], [0, 6], one, [0], one, one, one, 1));

        (await shortRow.Should().ThrowAsync<ArgumentException>()).WithMessage("*7 tokens, not the context length 8*");
        (await overlapping.Should().ThrowAsync<ArgumentException>()).WithMessage("*strictly increase*");
        (await wrongPadding.Should().ThrowAsync<ArgumentException>()).WithMessage("*context length − padding*");
    }
}
