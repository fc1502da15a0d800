using Parquet.Schema;

namespace Corpus.Shards.Packing;

/// <summary>The packed-sequence Parquet schema: one row per sequence, per-segment columns as lists.</summary>
internal static class PackedParquetSchema
{
    /// <summary>Key-value metadata key holding the context length (decimal).</summary>
    public const string ContextLengthKey = "corpus.context_length";

    /// <summary>Key-value metadata key holding the pad id (decimal).</summary>
    public const string PadIdKey = "corpus.pad_id";

    /// <summary>Definition level of a present element: optional list (1) + repeated element (2), element required.</summary>
    public const int ElementDefinitionLevel = 2;

    public static DataField InputIds { get; } = Element(typeof(int));

    public static DataField CuSeqlens { get; } = Element(typeof(int));

    public static DataField DocumentIds { get; } = Element(typeof(string));

    public static DataField ChunkIndexes { get; } = Element(typeof(int));

    public static DataField Languages { get; } = Element(typeof(string));

    public static DataField Domains { get; } = Element(typeof(string));

    public static DataField Sources { get; } = Element(typeof(string));

    public static DataField Padding { get; } = new("padding", typeof(int), isNullable: false);

    public static ParquetSchema Schema { get; } = new(
        new ListField("input_ids", InputIds),
        new ListField("cu_seqlens", CuSeqlens),
        new ListField("document_ids", DocumentIds),
        new ListField("chunk_indexes", ChunkIndexes),
        new ListField("languages", Languages),
        new ListField("domains", Domains),
        new ListField("sources", Sources),
        Padding);

    /// <summary>Top-level column names in order.</summary>
    public static IReadOnlyList<string> ColumnNames { get; } = ["input_ids", "cu_seqlens", "document_ids", "chunk_indexes", "languages", "domains", "sources", "padding"];

    private static DataField Element(Type type) => new("element", type, isNullable: false);
}
