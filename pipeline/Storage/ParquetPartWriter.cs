using Parquet;
using Parquet.Serialization;

namespace Corpus.Pipeline.Storage;

/// <summary>
/// Writes rows of <typeparamref name="TRow"/> to one Parquet file in row groups of bounded size, so
/// a part of any length is written with bounded memory. An empty part is still a valid file. A row
/// group is what a reader holds at once, several times over while Parquet.Net decodes it, so groups
/// stay at <see cref="DefaultMaxBytesPerGroup"/>.
/// </summary>
internal sealed class ParquetPartWriter<TRow> : IAsyncDisposable
    where TRow : class, new()
{
    /// <summary>The row group size by the caller's measure of a row: small enough that readers on every core decode theirs at once within a bounded heap.</summary>
    public const long DefaultMaxBytesPerGroup = 16L * 1024 * 1024;

    private readonly FileStream _stream;
    private readonly List<TRow> _buffer = [];
    private readonly int _maxRows;
    private readonly long _maxBytes;
    private readonly Func<TRow, long> _sizeOf;
    private long _bufferedBytes;
    private bool _wroteGroup;

    public ParquetPartWriter(string path, Func<TRow, long> sizeOf, int maxRowsPerGroup = 10_000, long maxBytesPerGroup = DefaultMaxBytesPerGroup)
    {
        _stream = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None);
        _sizeOf = sizeOf;
        _maxRows = maxRowsPerGroup;
        _maxBytes = maxBytesPerGroup;
    }

    public long Rows { get; private set; }

    public async Task AddAsync(TRow row, CancellationToken ct)
    {
        _buffer.Add(row);
        _bufferedBytes += _sizeOf(row);
        Rows++;
        if (_buffer.Count >= _maxRows || _bufferedBytes >= _maxBytes)
        {
            await FlushAsync(ct).ConfigureAwait(false);
        }
    }

    public async Task CompleteAsync(CancellationToken ct)
    {
        if (_buffer.Count > 0 || !_wroteGroup)
        {
            await FlushAsync(ct).ConfigureAwait(false);
        }

        await _stream.FlushAsync(ct).ConfigureAwait(false);
    }

    private async Task FlushAsync(CancellationToken ct)
    {
        var options = new ParquetOptions { Append = _wroteGroup, CompressionMethod = CompressionMethod.Snappy };
        await ParquetSerializer.SerializeAsync(_buffer, _stream, options, null, ct).ConfigureAwait(false);
        _wroteGroup = true;
        _buffer.Clear();
        _bufferedBytes = 0;
    }

    public ValueTask DisposeAsync() => _stream.DisposeAsync();
}
