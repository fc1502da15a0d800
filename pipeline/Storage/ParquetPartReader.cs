using Parquet;
using Parquet.Serialization;

namespace Corpus.Pipeline.Storage;

/// <summary>Reads a Parquet part one row group at a time, so memory is bounded by the row group size.</summary>
internal static class ParquetPartReader
{
    public static async IAsyncEnumerable<TRow> ReadAsync<TRow>(string path, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
        where TRow : class, new()
    {
        int groups;
        await using (var stream = File.OpenRead(path))
        {
            await using var reader = await ParquetReader.CreateAsync(stream, null, false, ct).ConfigureAwait(false);
            groups = reader.RowGroupCount;
        }

        for (var g = 0; g < groups; g++)
        {
            IList<TRow> rows;
            await using (var stream = File.OpenRead(path))
            {
                var result = await ParquetSerializer.DeserializeAsync<TRow>(stream, null, g, ct).ConfigureAwait(false);
                rows = result.Data;
            }

            foreach (var row in rows)
            {
                yield return row;
            }
        }
    }
}
