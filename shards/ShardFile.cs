namespace Corpus.Shards;

/// <summary>One file a <see cref="ShardSetWriter"/> wrote.</summary>
/// <param name="Path">File name relative to the writer's output directory, e.g. <c>part-00003-0001.bin</c>.</param>
/// <param name="Shard">The shard the file belongs to, e.g. <c>part-00003-0001</c>; the <c>.bin</c>, <c>.idx</c> and <c>.parquet</c> of one shard hold the same documents.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the file's bytes, computed while writing.</param>
/// <param name="Bytes">File size in bytes.</param>
/// <param name="Documents">Documents in the shard.</param>
/// <param name="Tokens">Tokens in the shard, end-of-text ids included.</param>
/// <param name="Counts">Documents and tokens by (language, domain, source), sorted ordinally by those keys.</param>
public sealed record ShardFile(
    string Path,
    string Shard,
    string Sha256,
    long Bytes,
    long Documents,
    long Tokens,
    IReadOnlyList<ShardTokenCount> Counts);
