using System.Runtime.CompilerServices;
using Parquet;
using Parquet.Schema;

namespace Corpus.Pipeline.Storage;

/// <summary>
/// Reads a <c>tokens/part-*.parquet</c> file (rows of <see cref="TokenizedRow"/>) a row group at a
/// time through Parquet.Net's column API: the token lists come from one read of the column, cut into
/// one array per row, instead of the row serializer's per-row work (which allocated about 1.2 KiB per
/// token in the shards and pack phases; <c>bench-part-read</c>). Yields the same rows as
/// <c>ParquetPartReader.ReadAsync&lt;TokenizedRow&gt;</c>.
/// </summary>
internal static class TokenizedPartReader
{
    public static async IAsyncEnumerable<TokenizedRow> ReadAsync(string path, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var stream = File.OpenRead(path);
        await using var reader = await ParquetReader.CreateAsync(stream, null, false, ct).ConfigureAwait(false);
        var fields = reader.Schema.GetDataFields();
        var id = Field(fields, "id", path);
        var language = Field(fields, "language", path);
        var domain = Field(fields, "domain", path);
        var source = Field(fields, "source", path);
        var edu = Field(fields, "edu_score", path);
        var tokens = Field(fields, "tokens", path);
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var rows = checked((int)group.RowCount);
            var ids = await ReadStringsAsync(group, id, rows, ct).ConfigureAwait(false);
            var languages = await ReadStringsAsync(group, language, rows, ct).ConfigureAwait(false);
            var domains = await ReadStringsAsync(group, domain, rows, ct).ConfigureAwait(false);
            var sources = await ReadStringsAsync(group, source, rows, ct).ConfigureAwait(false);
            var scores = new double?[rows];
            await group.ReadAsync<double>(edu, scores, null, ct).ConfigureAwait(false);
            var lists = await ReadTokenListsAsync(group, tokens, rows, path, ct).ConfigureAwait(false);
            for (var r = 0; r < rows; r++)
            {
                yield return new TokenizedRow
                {
                    Id = ids[r],
                    Language = languages[r],
                    Domain = domains[r],
                    Source = sources[r],
                    EduScore = scores[r],
                    Tokens = lists[r],
                };
            }
        }
    }

    private static async Task<string[]> ReadStringsAsync(ParquetRowGroupReader group, DataField field, int rows, CancellationToken ct)
    {
        var values = new string[rows];
        await group.ReadAsync(field, values, null, ct).ConfigureAwait(false);
        return values;
    }

    private static DataField Field(DataField[] fields, string column, string path) =>
        fields.FirstOrDefault(f => f.Path.FirstPart == column)
            ?? throw new InvalidDataException($"'{path}' has no '{column}' column; it is not a tokens part");

    /// <summary>
    /// The token column cut into one array per row by its repetition levels (a new row where the level
    /// is 0); an entry whose definition level is below the element's is an empty list, and the values
    /// come densely, one per element present.
    /// </summary>
    private static async Task<int[][]> ReadTokenListsAsync(ParquetRowGroupReader group, DataField field, int rows, string path, CancellationToken ct)
    {
        var count = checked((int)(group.GetMetadata(field)?.MetaData?.NumValues ?? throw new InvalidDataException($"'{path}' has no column chunk for '{field.Path}'")));

        // Rented: each row's tokens are copied out, so reading a part leaves no large arrays behind for the collector.
        var values = Corpus.Shards.IO.ColumnBuffers<int>.Rent(count);
        var definitions = Corpus.Shards.IO.ColumnBuffers<int>.Rent(count);
        var repetitions = Corpus.Shards.IO.ColumnBuffers<int>.Rent(count);
        try
        {
            await group.ReadRawAsync<int>(field, values.AsMemory(0, count), definitions.AsMemory(0, count), repetitions.AsMemory(0, count), ct).ConfigureAwait(false);
            return SplitTokenLists(field, rows, path, count, values, definitions, repetitions);
        }
        finally
        {
            Corpus.Shards.IO.ColumnBuffers<int>.Return(values);
            Corpus.Shards.IO.ColumnBuffers<int>.Return(definitions);
            Corpus.Shards.IO.ColumnBuffers<int>.Return(repetitions);
        }
    }

    private static int[][] SplitTokenLists(DataField field, int rows, string path, int count, int[] values, int[] definitions, int[] repetitions)
    {
        var present = field.MaxDefinitionLevel;
        var lists = new int[rows][];
        var row = -1;
        var valueAt = 0;
        var startValue = 0;
        for (var at = 0; at <= count; at++)
        {
            if (at == count || repetitions[at] == 0)
            {
                if (row >= 0)
                {
                    lists[row] = values[startValue..valueAt];
                }

                row++;
                startValue = valueAt;
                if (at < count && row >= rows)
                {
                    throw new InvalidDataException($"'{path}' has more token lists than rows ({rows})");
                }
            }

            if (at < count && definitions[at] == present)
            {
                valueAt++; // the values are dense: one per element present, in order
            }
        }

        if (row != rows)
        {
            throw new InvalidDataException($"'{path}' has {row} token lists for {rows} rows");
        }

        return lists;
    }
}
