namespace Corpus.Shards.Packing;

/// <summary>How a <see cref="PackedParquetWriter"/> checks and groups its rows.</summary>
public sealed record PackedParquetOptions
{
    /// <summary>Tokens per sequence; every row's <c>input_ids</c> has exactly this many. Stored as <c>corpus.context_length</c>.</summary>
    public required int ContextLength { get; init; }

    /// <summary>The pad id after the last segment. Stored as <c>corpus.pad_id</c>.</summary>
    public required int PadId { get; init; }

    /// <summary>A row group is flushed once it holds this many sequences (memory: about 4 × context bytes each).</summary>
    public int RowGroupSequences { get; init; } = 512;

    /// <summary>Bytes the file stream buffers before writing; many writers open at once (a shuffle's scatter files) want less.</summary>
    public int FileBufferBytes { get; init; } = 1 << 20;
}
