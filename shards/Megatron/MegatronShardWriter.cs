using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Corpus.Shards.IO;

namespace Corpus.Shards.Megatron;

/// <summary>
/// Writes one Megatron-LM indexed dataset: token ids to the <c>.bin</c> as they come, one sequence
/// per document; the <c>.idx</c> on <see cref="CompleteAsync"/>, as Megatron's <c>_IndexWriter</c> does.
/// </summary>
internal sealed class MegatronShardWriter : IAsyncDisposable
{
    private const int ChunkTokens = 1 << 16;

    private readonly string _idxPath;
    private readonly HashingWriteStream _bin;
    private readonly List<int> _lengths = [];
    private bool _completed;

    private MegatronShardWriter(string binPath, string idxPath)
    {
        _idxPath = idxPath;
        _bin = new HashingWriteStream(OpenForWrite(binPath));
    }

    public long BinBytes => _bin.Length;

    public static MegatronShardWriter Create(string binPath, string idxPath) => new(binPath, idxPath);

    /// <summary>Appends one document as one sequence.</summary>
    public async ValueTask AddAsync(ReadOnlyMemory<int> tokens, CancellationToken cancellationToken)
    {
        var buffer = IO.ColumnBuffers<byte>.Rent(Math.Min(tokens.Length, ChunkTokens) * MegatronFormat.TokenBytes);
        try
        {
            for (var start = 0; start < tokens.Length; start += ChunkTokens)
            {
                var chunk = tokens.Slice(start, Math.Min(ChunkTokens, tokens.Length - start));
                var byteCount = chunk.Length * MegatronFormat.TokenBytes;
                CopyLittleEndian(chunk.Span, buffer.AsSpan(0, byteCount));
                await _bin.WriteAsync(buffer.AsMemory(0, byteCount), cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            IO.ColumnBuffers<byte>.Return(buffer);
        }

        _lengths.Add(tokens.Length);
    }

    /// <summary>Closes the <c>.bin</c>, writes the <c>.idx</c>, and returns (sha256, bytes) of each.</summary>
    public async ValueTask<(string BinSha256, long BinBytes, string IdxSha256, long IdxBytes)> CompleteAsync(CancellationToken cancellationToken)
    {
        _completed = true;
        var binSha = _bin.FinishHash();
        var binBytes = _bin.Length;
        await _bin.DisposeAsync().ConfigureAwait(false);

        var idx = new HashingWriteStream(OpenForWrite(_idxPath));
        var buffered = new BufferedStream(idx, 1 << 16);
        await using (buffered.ConfigureAwait(false))
        {
            WriteIndex(buffered, CollectionsMarshal.AsSpan(_lengths));
            await buffered.FlushAsync(cancellationToken).ConfigureAwait(false);
            return (binSha, binBytes, idx.FinishHash(), idx.Length);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_completed)
        {
            await _bin.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Writes an index for sequences of the given lengths laid back to back, one per document.</summary>
    internal static void WriteIndex(Stream output, ReadOnlySpan<int> lengths)
    {
        Span<byte> scratch = stackalloc byte[8];
        output.Write(MegatronFormat.Magic);
        BinaryPrimitives.WriteUInt64LittleEndian(scratch, MegatronFormat.Version);
        output.Write(scratch);
        output.WriteByte(MegatronFormat.Int32DTypeCode);
        BinaryPrimitives.WriteUInt64LittleEndian(scratch, (ulong)lengths.Length);
        output.Write(scratch);
        // Megatron's "document count" is the number of entries of document_indices: n + 1.
        BinaryPrimitives.WriteUInt64LittleEndian(scratch, (ulong)lengths.Length + 1);
        output.Write(scratch);

        foreach (var length in lengths)
        {
            BinaryPrimitives.WriteInt32LittleEndian(scratch, length);
            output.Write(scratch[..4]);
        }

        long pointer = 0;
        foreach (var length in lengths)
        {
            BinaryPrimitives.WriteInt64LittleEndian(scratch, pointer);
            output.Write(scratch);
            pointer += (long)length * MegatronFormat.TokenBytes;
        }

        for (long i = 0; i <= lengths.Length; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(scratch, i);
            output.Write(scratch);
        }
    }

    private static void CopyLittleEndian(ReadOnlySpan<int> tokens, Span<byte> destination)
    {
        if (BitConverter.IsLittleEndian)
        {
            MemoryMarshal.AsBytes(tokens).CopyTo(destination);
            return;
        }

        for (var i = 0; i < tokens.Length; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(destination[(i * 4)..], tokens[i]);
        }
    }

    private static FileStream OpenForWrite(string path) =>
        new(path, new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.Read,
            BufferSize = 1 << 20,
        });
}
