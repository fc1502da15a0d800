using Corpus.Shards.Megatron;

namespace Corpus.Shards.Tests.Megatron;

public sealed class MegatronFormatTests
{
    [Fact]
    public async Task Written_sequences_read_back_unchanged()
    {
        using var dir = new TempDirectory();
        var docs = Docs.Random(seed: 42, count: 200);
        await Shards.WriteAsync(dir.Path, docs, formats: ShardFormats.Megatron);

        using var dataset = MegatronIndexedDataset.Open(dir["part-00003-0000.idx"], dir["part-00003-0000.bin"]);
        dataset.SequenceCount.Should().Be(docs.Count);
        dataset.DocumentCount.Should().Be(docs.Count);
        dataset.TokenCount.Should().Be(docs.Sum(d => d.Tokens.Length));
        for (var i = 0; i < docs.Count; i++)
        {
            dataset.GetSequence(i).Should().Equal(docs[i].Tokens.ToArray(), $"sequence {i}");
            dataset.GetSequenceMemory(i).ToArray().Should().Equal(docs[i].Tokens.ToArray());
        }
    }

    [Fact]
    public async Task Document_indices_and_pointers_follow_megatron_layout()
    {
        using var dir = new TempDirectory();
        var docs = Docs.Random(seed: 3, count: 50);
        await Shards.WriteAsync(dir.Path, docs, formats: ShardFormats.Megatron);

        using var dataset = MegatronIndexedDataset.Open(dir["part-00003-0000.idx"], dir["part-00003-0000.bin"]);
        dataset.DocumentIndices.Should().Equal(Enumerable.Range(0, docs.Count + 1).Select(i => (long)i));
        dataset.SequenceLengths.Should().Equal(docs.Select(d => d.Tokens.Length));
        long pointer = 0;
        var expectedPointers = new List<long>();
        foreach (var doc in docs)
        {
            expectedPointers.Add(pointer);
            pointer += doc.Tokens.Length * 4L;
        }

        dataset.SequencePointers.Should().Equal(expectedPointers);
        new FileInfo(dir["part-00003-0000.bin"]).Length.Should().Be(pointer);
        new FileInfo(dir["part-00003-0000.idx"]).Length.Should().Be(34 + (12L * docs.Count) + (8L * (docs.Count + 1)));
    }

    [Fact]
    public async Task Tiny_example_matches_hand_computed_bytes()
    {
        using var dir = new TempDirectory();
        await using (var writer = ShardSetWriter.Create(new ShardSetOptions { OutputDirectory = dir.Path, BaseName = "tiny", EndOfTextId = 0, Formats = ShardFormats.Megatron }))
        {
            await writer.AddAsync(new ShardDocument("a", "eng_Latn", "file", "unknown", new[] { 5, 7, 0 }));
            await writer.AddAsync(new ShardDocument("b", "eng_Latn", "file", "unknown", new[] { 0x01020304, 0 }));
            await writer.CompleteAsync();
        }

        byte[] bin =
        [
            0x05, 0, 0, 0, 0x07, 0, 0, 0, 0, 0, 0, 0,
            0x04, 0x03, 0x02, 0x01, 0, 0, 0, 0,
        ];
        byte[] idx =
        [
            (byte)'M', (byte)'M', (byte)'I', (byte)'D', (byte)'I', (byte)'D', (byte)'X', 0x00, 0x00, // magic
            1, 0, 0, 0, 0, 0, 0, 0, // version u64 = 1
            4, // dtype code: int32
            2, 0, 0, 0, 0, 0, 0, 0, // sequence count u64
            3, 0, 0, 0, 0, 0, 0, 0, // document count u64 = entries of document_indices
            3, 0, 0, 0, 2, 0, 0, 0, // sequence lengths int32[2]
            0, 0, 0, 0, 0, 0, 0, 0, 12, 0, 0, 0, 0, 0, 0, 0, // sequence pointers int64[2]
            0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, // document indices int64[3]
        ];
        (await File.ReadAllBytesAsync(dir["tiny-0000.bin"])).Should().Equal(bin);
        var written = await File.ReadAllBytesAsync(dir["tiny-0000.idx"]);
        written[..9].Should().Equal("MMIDIDX\0\0"u8.ToArray());
        written.Should().Equal(idx);
    }

    [Fact]
    public async Task Reader_rejects_truncated_index_naming_the_file()
    {
        using var dir = new TempDirectory();
        await Shards.WriteAsync(dir.Path, Docs.Random(1, 10), formats: ShardFormats.Megatron);
        var idx = dir["part-00003-0000.idx"];
        var bytes = await File.ReadAllBytesAsync(idx);
        await File.WriteAllBytesAsync(idx, bytes[..^8]);

        var open = () => MegatronIndexedDataset.Open(idx, dir["part-00003-0000.bin"]);
        open.Should().Throw<InvalidDataException>().Which.Message.Should().Contain(idx).And.Contain("header counts");
    }

    [Theory]
    [InlineData(0, "magic")]
    [InlineData(9, "version")]
    [InlineData(17, "dtype")]
    public async Task Reader_rejects_a_bad_header_field(int offset, string fault)
    {
        using var dir = new TempDirectory();
        await Shards.WriteAsync(dir.Path, Docs.Random(1, 10), formats: ShardFormats.Megatron);
        var idx = dir["part-00003-0000.idx"];
        var bytes = await File.ReadAllBytesAsync(idx);
        bytes[offset] ^= 0x02;
        await File.WriteAllBytesAsync(idx, bytes);

        var open = () => MegatronIndexedDataset.Open(idx, dir["part-00003-0000.bin"]);
        open.Should().Throw<InvalidDataException>().Which.Message.Should().Contain(idx).And.Contain(fault);
    }

    [Fact]
    public async Task Reader_rejects_pointers_that_are_not_contiguous()
    {
        using var dir = new TempDirectory();
        await Shards.WriteAsync(dir.Path, Docs.Random(1, 10), formats: ShardFormats.Megatron);
        var idx = dir["part-00003-0000.idx"];
        var bytes = await File.ReadAllBytesAsync(idx);
        bytes[34 + (4 * 10) + (8 * 3)] ^= 0x10; // low byte of the fourth pointer
        await File.WriteAllBytesAsync(idx, bytes);

        var open = () => MegatronIndexedDataset.Open(idx, dir["part-00003-0000.bin"]);
        open.Should().Throw<InvalidDataException>().Which.Message.Should().Contain("sequence 3").And.Contain("not contiguous");
    }

    [Fact]
    public async Task Reader_rejects_a_bin_of_the_wrong_size()
    {
        using var dir = new TempDirectory();
        await Shards.WriteAsync(dir.Path, Docs.Random(1, 10), formats: ShardFormats.Megatron);
        var bin = dir["part-00003-0000.bin"];
        await File.AppendAllTextAsync(bin, "xxxx");

        var open = () => MegatronIndexedDataset.Open(dir["part-00003-0000.idx"], bin);
        open.Should().Throw<InvalidDataException>().Which.Message.Should().Contain(bin).And.Contain("sum to");
    }
}
