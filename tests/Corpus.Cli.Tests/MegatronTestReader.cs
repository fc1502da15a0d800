using System.Buffers.Binary;

namespace Corpus.Cli.Tests;

/// <summary>
/// A reader written in the test from Megatron-LM's indexed dataset format (indexed_dataset.py), kept
/// apart from the product's own reader so the two check each other: MMIDIDX header, version 1,
/// dtype code, sequence count, document count, int32 lengths, int64 pointers, int64 document indices.
/// </summary>
internal static class MegatronTestReader
{
    public static IReadOnlyList<int[]> Read(string idxPath, string binPath)
    {
        var idx = File.ReadAllBytes(idxPath);
        var bin = File.ReadAllBytes(binPath);
        idx.AsSpan(0, 9).SequenceEqual("MMIDIDX\0\0"u8).Should().BeTrue($"{idxPath} starts with the MMIDIDX magic");
        BinaryPrimitives.ReadUInt64LittleEndian(idx.AsSpan(9)).Should().Be(1UL, "version is 1");
        idx[17].Should().Be(4, "dtype code 4 is int32");
        var sequences = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(idx.AsSpan(18)));
        var documents = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(idx.AsSpan(26)));
        documents.Should().Be(sequences + 1, "each document is one sequence");
        var offset = 34;
        var lengths = new int[sequences];
        for (var i = 0; i < sequences; i++, offset += 4)
        {
            lengths[i] = BinaryPrimitives.ReadInt32LittleEndian(idx.AsSpan(offset));
        }

        var pointers = new long[sequences];
        for (var i = 0; i < sequences; i++, offset += 8)
        {
            pointers[i] = BinaryPrimitives.ReadInt64LittleEndian(idx.AsSpan(offset));
        }

        for (var i = 0; i < documents; i++, offset += 8)
        {
            BinaryPrimitives.ReadInt64LittleEndian(idx.AsSpan(offset)).Should().Be(i);
        }

        offset.Should().Be(idx.Length, "nothing follows the document indices");
        var result = new List<int[]>(sequences);
        for (var i = 0; i < sequences; i++)
        {
            var seq = new int[lengths[i]];
            for (var j = 0; j < seq.Length; j++)
            {
                seq[j] = BinaryPrimitives.ReadInt32LittleEndian(bin.AsSpan(checked((int)pointers[i] + (j * 4))));
            }

            result.Add(seq);
        }

        lengths.Sum(l => (long)l * 4).Should().Be(bin.Length, "the sequences fill the .bin");
        return result;
    }
}
