using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Corpus.Shards.Megatron;

/// <summary>
/// A strict reader of a Megatron-LM indexed dataset with int32 token ids. <see cref="Open"/> reads
/// the whole <c>.idx</c> (20 bytes per sequence) and checks it against the <c>.bin</c>; sequences are
/// read from the <c>.bin</c> on demand.
/// </summary>
public sealed class MegatronIndexedDataset : IDisposable
{
    private readonly SafeFileHandle _bin;
    private readonly int[] _lengths;
    private readonly long[] _pointers;
    private readonly long[] _documentIndices;

    private MegatronIndexedDataset(string binPath, SafeFileHandle bin, int[] lengths, long[] pointers, long[] documentIndices, long binBytes)
    {
        BinPath = binPath;
        _bin = bin;
        _lengths = lengths;
        _pointers = pointers;
        _documentIndices = documentIndices;
        BinBytes = binBytes;
        TokenCount = binBytes / MegatronFormat.TokenBytes;
    }

    /// <summary>The <c>.bin</c> this dataset reads from.</summary>
    public string BinPath { get; }

    /// <summary>Number of sequences (the header's sequence count).</summary>
    public int SequenceCount => _lengths.Length;

    /// <summary>Number of documents: entries of <see cref="DocumentIndices"/> less one.</summary>
    public int DocumentCount => _documentIndices.Length - 1;

    /// <summary>Total tokens in the <c>.bin</c>.</summary>
    public long TokenCount { get; }

    /// <summary>Size of the <c>.bin</c> in bytes.</summary>
    public long BinBytes { get; }

    /// <summary>Tokens per sequence.</summary>
    public IReadOnlyList<int> SequenceLengths => _lengths;

    /// <summary>Byte offset of each sequence in the <c>.bin</c>.</summary>
    public IReadOnlyList<long> SequencePointers => _pointers;

    /// <summary>Document boundaries as sequence indices: document <c>d</c> is sequences <c>[DocumentIndices[d], DocumentIndices[d+1])</c>.</summary>
    public IReadOnlyList<long> DocumentIndices => _documentIndices;

    /// <summary>
    /// Opens and validates a dataset; throws <see cref="InvalidDataException"/> naming the file and
    /// the fault when the index is malformed or does not describe the <c>.bin</c>.
    /// </summary>
    public static MegatronIndexedDataset Open(string idxPath, string binPath)
    {
        ArgumentNullException.ThrowIfNull(idxPath);
        ArgumentNullException.ThrowIfNull(binPath);
        var (lengths, pointers, documentIndices) = ReadIndex(idxPath);
        var bin = File.OpenHandle(binPath, FileMode.Open, FileAccess.Read, FileShare.Read);
        try
        {
            var binBytes = RandomAccess.GetLength(bin);
            long expected = 0;
            foreach (var length in lengths)
            {
                expected += (long)length * MegatronFormat.TokenBytes;
            }

            if (expected != binBytes)
            {
                throw Fault(idxPath, $"sequence lengths sum to {expected} bytes but '{binPath}' holds {binBytes}");
            }

            return new MegatronIndexedDataset(binPath, bin, lengths, pointers, documentIndices, binBytes);
        }
        catch
        {
            bin.Dispose();
            throw;
        }
    }

    /// <summary>The token ids of sequence <paramref name="index"/>.</summary>
    public int[] GetSequence(int index)
    {
        var tokens = new int[_lengths[index]];
        ReadTokens(_pointers[index], tokens);
        return tokens;
    }

    /// <summary>The token ids of sequence <paramref name="index"/> as memory.</summary>
    public ReadOnlyMemory<int> GetSequenceMemory(int index) => GetSequence(index);

    /// <summary>The last token id of sequence <paramref name="index"/>, without reading the rest; null for an empty sequence.</summary>
    public int? GetLastToken(int index)
    {
        if (_lengths[index] == 0)
        {
            return null;
        }

        Span<int> last = stackalloc int[1];
        ReadTokens(_pointers[index] + ((long)(_lengths[index] - 1) * MegatronFormat.TokenBytes), last);
        return last[0];
    }

    /// <inheritdoc/>
    public void Dispose() => _bin.Dispose();

    private void ReadTokens(long offset, Span<int> destination)
    {
        var bytes = MemoryMarshal.AsBytes(destination);
        var read = 0;
        while (read < bytes.Length)
        {
            var n = RandomAccess.Read(_bin, bytes[read..], offset + read);
            if (n == 0)
            {
                throw Fault(BinPath, $"ends at byte {offset + read}, inside a sequence");
            }

            read += n;
        }

        if (!BitConverter.IsLittleEndian)
        {
            BinaryPrimitives.ReverseEndianness(destination, destination);
        }
    }

    private static (int[] Lengths, long[] Pointers, long[] DocumentIndices) ReadIndex(string idxPath)
    {
        using var stream = new FileStream(idxPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var fileLength = stream.Length;
        if (fileLength < MegatronFormat.HeaderLength)
        {
            throw Fault(idxPath, $"is {fileLength} bytes, shorter than the {MegatronFormat.HeaderLength}-byte header");
        }

        Span<byte> header = stackalloc byte[MegatronFormat.HeaderLength];
        stream.ReadExactly(header);
        if (!header[..9].SequenceEqual(MegatronFormat.Magic))
        {
            throw Fault(idxPath, $"does not start with the MMIDIDX\\x00\\x00 magic (found {Convert.ToHexString(header[..9])})");
        }

        var version = BinaryPrimitives.ReadUInt64LittleEndian(header[9..]);
        if (version != MegatronFormat.Version)
        {
            throw Fault(idxPath, $"has version {version}, expected {MegatronFormat.Version}");
        }

        var dtype = header[17];
        if (dtype != MegatronFormat.Int32DTypeCode)
        {
            throw Fault(idxPath, $"has dtype code {dtype}, expected {MegatronFormat.Int32DTypeCode} (int32)");
        }

        var sequenceCount = BinaryPrimitives.ReadUInt64LittleEndian(header[18..]);
        var documentCount = BinaryPrimitives.ReadUInt64LittleEndian(header[26..]);
        if (documentCount == 0)
        {
            throw Fault(idxPath, "has a document count of 0; document_indices always holds at least the leading 0");
        }

        // Check the counts against the file size before allocating anything they ask for.
        var body = (ulong)(fileLength - MegatronFormat.HeaderLength);
        if (sequenceCount > body / 12 || documentCount > body / 8 || (sequenceCount * 12) + (documentCount * 8) != body)
        {
            throw Fault(
                idxPath,
                $"header counts ({sequenceCount} sequences, {documentCount} document indices) need {MegatronFormat.HeaderLength}+12*{sequenceCount}+8*{documentCount} bytes but the file is {fileLength}");
        }

        var lengths = new int[sequenceCount];
        var pointers = new long[sequenceCount];
        var documentIndices = new long[documentCount];
        stream.ReadExactly(MemoryMarshal.AsBytes(lengths.AsSpan()));
        stream.ReadExactly(MemoryMarshal.AsBytes(pointers.AsSpan()));
        stream.ReadExactly(MemoryMarshal.AsBytes(documentIndices.AsSpan()));
        if (!BitConverter.IsLittleEndian)
        {
            BinaryPrimitives.ReverseEndianness(lengths, lengths);
            BinaryPrimitives.ReverseEndianness(pointers, pointers);
            BinaryPrimitives.ReverseEndianness(documentIndices, documentIndices);
        }

        long expectedPointer = 0;
        for (var i = 0; i < lengths.Length; i++)
        {
            if (lengths[i] < 0)
            {
                throw Fault(idxPath, $"sequence {i} has a negative length {lengths[i]}");
            }

            if (pointers[i] != expectedPointer)
            {
                throw Fault(idxPath, $"sequence {i} points at byte {pointers[i]}, expected {expectedPointer} (sequences are not contiguous)");
            }

            expectedPointer += (long)lengths[i] * MegatronFormat.TokenBytes;
        }

        if (documentIndices[0] != 0)
        {
            throw Fault(idxPath, $"document_indices starts at {documentIndices[0]}, expected 0");
        }

        for (var d = 1; d < documentIndices.Length; d++)
        {
            if (documentIndices[d] < documentIndices[d - 1])
            {
                throw Fault(idxPath, $"document_indices[{d}] = {documentIndices[d]} is below document_indices[{d - 1}] = {documentIndices[d - 1]}");
            }
        }

        if (documentIndices[^1] != lengths.Length)
        {
            throw Fault(idxPath, $"document_indices ends at {documentIndices[^1]}, expected the sequence count {lengths.Length}");
        }

        return (lengths, pointers, documentIndices);
    }

    private static InvalidDataException Fault(string path, string fault) => new($"Megatron dataset file '{path}' {fault}");
}
