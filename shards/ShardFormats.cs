namespace Corpus.Shards;

/// <summary>Which files a <see cref="ShardSetWriter"/> writes for each shard.</summary>
[Flags]
public enum ShardFormats
{
    /// <summary>No files; not a valid choice for a writer.</summary>
    None = 0,

    /// <summary>Megatron-LM indexed dataset: <c>.bin</c> and <c>.idx</c>.</summary>
    Megatron = 1,

    /// <summary>Parquet, one row per document: <c>.parquet</c>.</summary>
    Parquet = 2,

    /// <summary>Both Megatron and Parquet.</summary>
    All = Megatron | Parquet,
}
