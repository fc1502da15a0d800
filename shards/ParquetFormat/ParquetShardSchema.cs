using Parquet.Schema;

namespace Corpus.Shards.ParquetFormat;

/// <summary>The Parquet token shard schema: one row per document.</summary>
internal static class ParquetShardSchema
{
    public static DataField Id { get; } = new("id", typeof(string), isNullable: false);

    public static DataField TokenElement { get; } = new("element", typeof(int), isNullable: false);

    public static ListField Tokens { get; } = new("tokens", TokenElement);

    public static DataField TokenCount { get; } = new("token_count", typeof(int), isNullable: false);

    public static DataField Language { get; } = new("language", typeof(string), isNullable: false);

    public static DataField Source { get; } = new("source", typeof(string), isNullable: false);

    public static ParquetSchema Schema { get; } = new(Id, Tokens, TokenCount, Language, Source);

    /// <summary>Definition level of a present token: optional list (1) + repeated element (2), element required.</summary>
    public const int TokenDefinitionLevel = 2;
}
