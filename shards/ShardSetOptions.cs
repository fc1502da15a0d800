namespace Corpus.Shards;

/// <summary>How a <see cref="ShardSetWriter"/> names, sizes and formats its files.</summary>
public sealed record ShardSetOptions
{
    /// <summary>Default <see cref="MaxShardBytes"/>: 1 GiB of token ids.</summary>
    public const long DefaultMaxShardBytes = 1L << 30;

    /// <summary>
    /// The directory the files are written to, under their final names. The caller hands a staging
    /// directory and renames it on success. Created when the first document arrives.
    /// </summary>
    public required string OutputDirectory { get; init; }

    /// <summary>File name stem, e.g. <c>part-00003</c>; files are <c>{BaseName}-{roll:D4}.bin|.idx|.parquet</c>.</summary>
    public required string BaseName { get; init; }

    /// <summary>
    /// The id every document must end with (<c>&lt;|endoftext|&gt;</c>); the writer checks it, it does not append it.
    /// </summary>
    public required int EndOfTextId { get; init; }

    /// <summary>
    /// Size bound of one shard's <c>.bin</c> (4 bytes per token): a document that would take the
    /// current shard past it starts the next shard. A single document larger than the bound gets a
    /// shard of its own. Measured the same way when only Parquet is written.
    /// </summary>
    public long MaxShardBytes { get; init; } = DefaultMaxShardBytes;

    /// <summary>Which files to write.</summary>
    public ShardFormats Formats { get; init; } = ShardFormats.All;

    /// <summary>A Parquet row group is flushed once it holds this many documents.</summary>
    public int ParquetRowGroupDocuments { get; init; } = 8192;

    /// <summary>A Parquet row group is flushed once its token ids take this many bytes (4 per token).</summary>
    public long ParquetRowGroupTokenBytes { get; init; } = 64L << 20;
}
