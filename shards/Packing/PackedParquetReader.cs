using System.Globalization;
using Parquet;
using Parquet.Schema;

namespace Corpus.Shards.Packing;

/// <summary>
/// Reads a packed-sequence Parquet file back one row group at a time, as the verifier and the tests
/// need it. Throws <see cref="InvalidDataException"/> for a file that is not laid out as
/// <see cref="PackedParquetWriter"/> writes it (metadata, columns, list shapes).
/// </summary>
public sealed class PackedParquetReader : IAsyncDisposable
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

    /// <summary>Tokens per sequence, from the file's <c>corpus.context_length</c> metadata.</summary>
    public int ContextLength { get; }

    /// <summary>The padding token id, from <c>corpus.pad_id</c>.</summary>
    public int PadId { get; }

    /// <summary>Row groups in the file.</summary>
    public int RowGroupCount => _reader.RowGroupCount;

    /// <summary>Opens <paramref name="path"/> and checks its layout.</summary>
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
    /// <summary>The sequences of one row group, in file order.</summary>
    public async ValueTask<IReadOnlyList<PackedSequence>> ReadRowGroupAsync(int index, CancellationToken cancellationToken = default)
    {
        var group = _reader.OpenRowGroupReader(index);
        var rows = checked((int)group.RowCount);
        var inputIds = await ReadIntListsAsync(group, _fields[0], rows, cancellationToken).ConfigureAwait(false);
        var cuSeqlens = await ReadIntListsAsync(group, _fields[1], rows, cancellationToken).ConfigureAwait(false);
        var chunkIndexes = await ReadIntListsAsync(group, _fields[3], rows, cancellationToken).ConfigureAwait(false);
        var documentIds = await ReadStringListsAsync(group, _fields[2], rows, cancellationToken).ConfigureAwait(false);
        var languages = await ReadStringListsAsync(group, _fields[4], rows, cancellationToken).ConfigureAwait(false);
        var domains = await ReadStringListsAsync(group, _fields[5], rows, cancellationToken).ConfigureAwait(false);
        var sources = await ReadStringListsAsync(group, _fields[6], rows, cancellationToken).ConfigureAwait(false);
        var padding = new int[rows];
        await group.ReadAsync<int>(_fields[7], padding, null, cancellationToken).ConfigureAwait(false);
        var sequences = new PackedSequence[rows];
        for (var i = 0; i < rows; i++)
        {
            sequences[i] = new PackedSequence(inputIds[i], cuSeqlens[i], documentIds[i], chunkIndexes[i], languages[i], domains[i], sources[i], padding[i]);
        }

        return sequences;
    }

    /// <inheritdoc/>
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

    private static ValueTask<int[][]> ReadIntListsAsync(ParquetRowGroupReader group, DataField field, int rows, CancellationToken cancellationToken) =>
        ReadListsAsync<int>(group, field, rows, cancellationToken);

    private static async ValueTask<string[][]> ReadStringListsAsync(ParquetRowGroupReader group, DataField field, int rows, CancellationToken cancellationToken)
    {
        var lists = await ReadListsAsync<ReadOnlyMemory<char>>(group, field, rows, cancellationToken).ConfigureAwait(false);
        return Array.ConvertAll(lists, list => Array.ConvertAll(list, value => value.ToString()));
    }

    /// <summary>A list column split into one array per row by its repetition levels; every element present.</summary>
    private static async ValueTask<T[][]> ReadListsAsync<T>(ParquetRowGroupReader group, DataField field, int rows, CancellationToken cancellationToken)
        where T : struct
    {
        var count = checked((int)(group.GetMetadata(field)?.MetaData?.NumValues ?? throw new InvalidDataException($"has no column chunk for '{field.Path}'")));
        // The column's buffers are rented: each row's list is copied out of them, so a row group read leaves no
        // large arrays behind for the collector.
        var values = IO.ColumnBuffers<T>.Rent(count);
        var definitions = IO.ColumnBuffers<int>.Rent(count);
        var repetitions = IO.ColumnBuffers<int>.Rent(count);
        try
        {
            await group.ReadRawAsync<T>(field, values.AsMemory(0, count), definitions.AsMemory(0, count), repetitions.AsMemory(0, count), cancellationToken).ConfigureAwait(false);
            return SplitLists(field, rows, count, values, definitions, repetitions);
        }
        finally
        {
            IO.ColumnBuffers<T>.Return(values);
            IO.ColumnBuffers<int>.Return(definitions);
            IO.ColumnBuffers<int>.Return(repetitions);
        }
    }

    private static T[][] SplitLists<T>(DataField field, int rows, int count, T[] values, int[] definitions, int[] repetitions)
    {
        var lists = new T[rows][];
        var row = -1;
        var start = 0;
        for (var at = 0; at <= count; at++)
        {
            if (at < count && definitions[at] != PackedParquetSchema.ElementDefinitionLevel)
            {
                throw new InvalidDataException($"has a null or empty list in '{field.Path}'");
            }

            if (at == count || repetitions[at] == 0)
            {
                if (row >= 0)
                {
                    lists[row] = values[start..at];
                }

                row++;
                start = at;
                if (at < count && row >= rows)
                {
                    throw new InvalidDataException($"has more lists in '{field.Path}' than rows ({rows})");
                }
            }
        }

        if (row != rows)
        {
            throw new InvalidDataException($"has {row} lists in '{field.Path}' for {rows} rows");
        }

        return lists;
    }
}
