namespace Corpus.Shards.Megatron;

/// <summary>
/// Constants of Megatron-LM's indexed dataset (<c>megatron/core/datasets/indexed_dataset.py</c>,
/// <c>_IndexWriter</c>); docs/formats.md lays the files out byte by byte.
/// </summary>
internal static class MegatronFormat
{
    /// <summary>Index version, a little-endian u64 after the magic.</summary>
    public const ulong Version = 1;

    /// <summary>Megatron's <c>DType</c> code for int32 token ids.</summary>
    public const byte Int32DTypeCode = 4;

    /// <summary>Bytes per token id in the <c>.bin</c>.</summary>
    public const int TokenBytes = sizeof(int);

    /// <summary>Magic (9) + version (8) + dtype code (1) + sequence count (8) + document count (8).</summary>
    public const int HeaderLength = 34;

    /// <summary>The 9-byte magic that opens every <c>.idx</c>: <c>MMIDIDX\x00\x00</c>.</summary>
    public static ReadOnlySpan<byte> Magic => "MMIDIDX\0\0"u8;
}
