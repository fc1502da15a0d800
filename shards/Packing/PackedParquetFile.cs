namespace Corpus.Shards.Packing;

/// <summary>What a <see cref="PackedParquetWriter"/> wrote.</summary>
/// <param name="Sha256">Lower-case hex SHA-256 of the file, computed while writing.</param>
/// <param name="Bytes">File size in bytes.</param>
/// <param name="Sequences">Rows (sequences).</param>
/// <param name="Segments">Segments over all rows: what the manifest lists as the file's <c>documents</c>.</param>
/// <param name="Tokens">Real (non-pad) tokens over all rows: what the manifest lists as the file's <c>tokens</c>.</param>
public sealed record PackedParquetFile(string Sha256, long Bytes, long Sequences, long Segments, long Tokens);
