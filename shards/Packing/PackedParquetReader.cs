using System.Globalization;
using Parquet;
using Parquet.Schema;

namespace Corpus.Shards.Packing;

/// <summary>
/// Reads a packed-sequence Parquet file back one row group at a time, as the verifier and the tests
/// need it. Throws <see cref="InvalidDataException"/> for a file that is not laid out as
/// <see cref="PackedParquetWriter"/> writes it (metadata, columns, list shapes).
/// </summary>
internal sealed class PackedParquetReader : IAsyncDisposable
{
    private readonly ParquetReader _reader;
    private readonly DataField[] _fields;

    private PackedParquetReader(ParquetReader reader, DataField[] fields, int contextLength, int padId)
    {
        _reader = reader;
        _fields = fields;
        ContextLength = contextLength;
        PadId = padId;
    }

    public int ContextLength { get; }

    public int PadId { get; }

    public int RowGroupCount => _reader.RowGroupCount;

    public static async ValueTask<PackedParquetReader> OpenAsync(string path, CancellationToken cancellationToken = default)
    {
        var reader = await ParquetReader.CreateAsync(path, PackedParquetWriter.WriterOptions, cancellationToken).ConfigureAwait(false);
        try
        {
            var names = reader.Schema.Fields.Select(f => f.Name).ToArray();
            if (!names.SequenceEqual(PackedParquetSchema.ColumnNames, StringComparer.Ordinal))
            {
                throw new InvalidDataException($"has columns [{string.Join(", ", names)}], expected [{string.Join(", ", PackedParquetSchema.ColumnNames)}]");
            }

            var context = MetadataInt(reader, PackedParquetSchema.ContextLengthKey);
            if (context < 1)
            {
                throw new InvalidDataException($"has {PackedParquetSchema.ContextLengthKey} {context}, not a positive length");
            }

            var padId = MetadataInt(reader, PackedParquetSchema.PadIdKey);
            var fields = reader.Schema.DataFields;
            return new PackedParquetReader(reader, fields, context, padId);
        }
        catch
        {
            await reader.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// The rows of row group <paramref name="index"/>, as stored: no check of lengths or boundaries
    /// beyond what is needed to split the lists into rows.
    /// </summary>
    public async ValueTask<IReadOnlyList<PackedSequence>> ReadRowGroupAsync(int index, CancellationToken cancellationToken = default)
    {
        var group = _reader.OpenRowGroupReader(index);
        var rows = checked((int)group.RowCount);
        var inputIds = await ReadIntListsAsync(group, _fields[0], rows, cancellationToken).ConfigureAwait(false);
        var cuSeqlens = await ReadIntListsAsync(group, _fields[1], rows, cancellationToken).ConfigureAwait(false);
        var chunkIndexes = await ReadIntListsAsync(group, _fields[3], rows, cancellationToken).ConfigureAwait(false);
        var segments = chunkIndexes.Sum(c => c.Length);
        var documentIds = await ReadStringListsAsync(group, _fields[2], segments, chunkIndexes, cancellationToken).ConfigureAwait(false);
        var languages = await ReadStringListsAsync(group, _fields[4], segments, chunkIndexes, cancellationToken).ConfigureAwait(false);
        var domains = await ReadStringListsAsync(group, _fields[5], segments, chunkIndexes, cancellationToken).ConfigureAwait(false);
        var sources = await ReadStringListsAsync(group, _fields[6], segments, chunkIndexes, cancellationToken).ConfigureAwait(false);
        var padding = new int[rows];
        await group.ReadAsync<int>(_fields[7], padding, null, cancellationToken).ConfigureAwait(false);
        var sequences = new PackedSequence[rows];
        for (var i = 0; i < rows; i++)
        {
            sequences[i] = new PackedSequence(inputIds[i], cuSeqlens[i], documentIds[i], chunkIndexes[i], languages[i], domains[i], sources[i], padding[i]);
        }

        return sequences;
    }

    public ValueTask DisposeAsync() => _reader.DisposeAsync();

    private static int MetadataInt(ParquetReader reader, string key)
    {
        if (!reader.CustomMetadata.TryGetValue(key, out var text))
        {
            throw new InvalidDataException($"has no '{key}' in its key-value metadata");
        }

        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw new InvalidDataException($"has '{key}' = '{text}', not an integer");
        }

        return value;
    }

    private static async ValueTask<int[][]> ReadIntListsAsync(ParquetRowGroupReader group, DataField field, int rows, CancellationToken cancellationToken)
    {
        var count = checked((int)(group.GetMetadata(field)?.MetaData?.NumValues ?? throw new InvalidDataException($"has no column chunk for '{field.Path}'")));
        var values = new int[count];
        var definitions = new int[count];
        var repetitions = new int[count];
        await group.ReadRawAsync<int>(field, values, definitions, repetitions, cancellationToken).ConfigureAwait(false);
        var lists = new int[rows][];
        var row = -1;
        var start = 0;
        var at = 0;
        for (var level = 0; level < repetitions.Length; level++)
        {
            if (definitions[level] != PackedParquetSchema.ElementDefinitionLevel)
            {
                throw new InvalidDataException($"has a null or empty list in '{field.Path}'");
            }

            if (repetitions[level] == 0)
            {
                if (row >= 0)
                {
                    lists[row] = values[start..at];
                }

                row++;
                start = at;
                if (row >= rows)
                {
                    throw new InvalidDataException($"has more lists in '{field.Path}' than rows ({rows})");
                }
            }

            at++;
        }

        if (row >= 0)
        {
            lists[row] = values[start..at];
        }

        if (row != rows - 1)
        {
            throw new InvalidDataException($"has {row + 1} lists in '{field.Path}' for {rows} rows");
        }

        return lists;
    }

    private static async ValueTask<string[][]> ReadStringListsAsync(ParquetRowGroupReader group, DataField field, int segments, int[][] shape, CancellationToken cancellationToken)
    {
        var values = new ReadOnlyMemory<char>[segments];
        var definitions = new int[segments];
        var repetitions = new int[segments];
        await group.ReadRawAsync<ReadOnlyMemory<char>>(field, values, definitions, repetitions, cancellationToken).ConfigureAwait(false);
        var lists = new string[shape.Length][];
        var at = 0;
        for (var row = 0; row < shape.Length; row++)
        {
            var list = new string[shape[row].Length];
            for (var i = 0; i < list.Length; i++, at++)
            {
                if (repetitions[at] != (i == 0 ? 0 : 1) || definitions[at] != PackedParquetSchema.ElementDefinitionLevel)
                {
                    throw new InvalidDataException($"has lists in '{field.Path}' that do not match chunk_indexes (row {row})");
                }

                list[i] = values[at].ToString();
            }

            lists[row] = list;
        }

        return lists;
    }
}
