using System.Runtime.InteropServices;
using System.Text;
using Corpus.Shards.Packing;

namespace Corpus.Pipeline.Phases;

/// <summary>
/// A pack task's scatter file: packed sequences, one after another, in a plain little-endian record
/// format read back once, in order, by the gather. Writing holds only the file's buffer, so a split
/// can keep hundreds of scatter files open (a Parquet writer kept every row group's metadata until it
/// closed: about 8 KB a row group, 100 MB for the 12,000 small row groups of 500,000 documents).
/// Record: token count, tokens, padding, segment count, the <c>cu_seqlens</c> count and values, then
/// per segment its chunk index, document id, language, domain and source.
/// </summary>
internal static class ScatterFile
{
    /// <summary>Each open scatter file's write buffer.</summary>
    public const int BufferBytes = 64 * 1024;

    /// <summary>Opens <paramref name="path"/> for writing (created or truncated).</summary>
    public static Writer Create(string path) => new(path);

    /// <summary>Every sequence of the file at <paramref name="path"/>, in the order written.</summary>
    public static List<PackedSequence> ReadAll(string path)
    {
        var sequences = new List<PackedSequence>();
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferBytes);
        using var reader = new BinaryReader(stream, Encoding.UTF8);
        while (stream.Position < stream.Length)
        {
            var tokens = ReadInts(reader);
            var padding = reader.ReadInt32();
            var segments = reader.ReadInt32();
            var cuSeqlens = ReadInts(reader);
            var chunkIndexes = new int[segments];
            var ids = new string[segments];
            var languages = new string[segments];
            var domains = new string[segments];
            var sources = new string[segments];
            for (var s = 0; s < segments; s++)
            {
                chunkIndexes[s] = reader.ReadInt32();
                ids[s] = reader.ReadString();
                languages[s] = reader.ReadString();
                domains[s] = reader.ReadString();
                sources[s] = reader.ReadString();
            }

            sequences.Add(new PackedSequence(tokens, cuSeqlens, ids, chunkIndexes, languages, domains, sources, padding));
        }

        return sequences;
    }

    private static int[] ReadInts(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        if (count < 0)
        {
            throw new InvalidDataException($"scatter file holds a negative count ({count})");
        }

        var values = new int[count];
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(values.AsSpan()));
        if (!BitConverter.IsLittleEndian)
        {
            System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(values, values);
        }

        return values;
    }

    /// <summary>One open scatter file.</summary>
    internal sealed class Writer : IDisposable
    {
        private readonly FileStream _stream;
        private readonly BinaryWriter _writer;

        public Writer(string path)
        {
            _stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, BufferBytes);
            _writer = new BinaryWriter(_stream, Encoding.UTF8);
        }

        public void Add(PackedSequence sequence)
        {
            WriteInts(sequence.Tokens);
            _writer.Write(sequence.Padding);
            _writer.Write(sequence.SegmentCount);
            WriteInts(sequence.CuSeqlens);
            for (var s = 0; s < sequence.SegmentCount; s++)
            {
                _writer.Write(sequence.ChunkIndexes[s]);
                _writer.Write(sequence.DocumentIds[s]);
                _writer.Write(sequence.Languages[s]);
                _writer.Write(sequence.Domains[s]);
                _writer.Write(sequence.Sources[s]);
            }
        }

        public void Dispose()
        {
            _writer.Dispose();
        }

        private void WriteInts(int[] values)
        {
            _writer.Write(values.Length);
            if (BitConverter.IsLittleEndian)
            {
                _writer.Write(MemoryMarshal.AsBytes(values.AsSpan()));
                return;
            }

            foreach (var v in values)
            {
                _writer.Write(v);
            }
        }
    }
}
