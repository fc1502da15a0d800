using Corpus.Shards.IO;
using Parquet;

namespace Corpus.Shards.ParquetFormat;

/// <summary>
/// Writes one Parquet token shard, buffering one row group at a time (bounded by documents and by
/// token bytes). Snappy, no timestamps: the same documents give the same bytes.
/// </summary>
internal sealed class ParquetShardWriter : IAsyncDisposable
{
    private readonly HashingWriteStream _stream;
    private readonly ParquetWriter _writer;
    private readonly int _rowGroupDocuments;
    private readonly long _rowGroupTokenBytes;
    private readonly List<string> _ids = [];
    private readonly List<string> _languages = [];
    private readonly List<string> _sources = [];
    private readonly List<int> _counts = [];
    private int[] _tokens = new int[1024];
    private int _tokenCount;
    private bool _completed;

    private ParquetShardWriter(HashingWriteStream stream, ParquetWriter writer, int rowGroupDocuments, long rowGroupTokenBytes)
    {
        _stream = stream;
        _writer = writer;
        _rowGroupDocuments = rowGroupDocuments;
        _rowGroupTokenBytes = rowGroupTokenBytes;
    }

    internal static ParquetOptions WriterOptions => new() { CompressionMethod = CompressionMethod.Snappy };

    public static async ValueTask<ParquetShardWriter> CreateAsync(string path, int rowGroupDocuments, long rowGroupTokenBytes, CancellationToken cancellationToken)
    {
        var file = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.Read,
            BufferSize = 1 << 20,
        });
        var stream = new HashingWriteStream(file);
        try
        {
            var writer = await ParquetWriter.CreateAsync(ParquetShardSchema.Schema, stream, WriterOptions, append: false, cancellationToken).ConfigureAwait(false);
            return new ParquetShardWriter(stream, writer, rowGroupDocuments, rowGroupTokenBytes);
        }
        catch
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask AddAsync(ShardDocument document, CancellationToken cancellationToken)
    {
        var tokens = document.Tokens.Span;
        if (_tokenCount + tokens.Length > _tokens.Length)
        {
            Array.Resize(ref _tokens, Math.Max(_tokens.Length * 2, _tokenCount + tokens.Length));
        }

        tokens.CopyTo(_tokens.AsSpan(_tokenCount));
        _tokenCount += tokens.Length;
        _ids.Add(document.Id);
        _languages.Add(document.Language);
        _sources.Add(document.Source);
        _counts.Add(tokens.Length);

        if (_ids.Count >= _rowGroupDocuments || (long)_tokenCount * sizeof(int) >= _rowGroupTokenBytes)
        {
            await FlushRowGroupAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Writes the last row group and the footer; returns the file's sha256 and size.</summary>
    public async ValueTask<(string Sha256, long Bytes)> CompleteAsync(CancellationToken cancellationToken)
    {
        await FlushRowGroupAsync(cancellationToken).ConfigureAwait(false);
        _completed = true;
        await _writer.DisposeAsync().ConfigureAwait(false);
        await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        var sha = _stream.FinishHash();
        var bytes = _stream.Length;
        await _stream.DisposeAsync().ConfigureAwait(false);
        return (sha, bytes);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_completed)
        {
            // Abandoned: close the file without a footer; the caller discards its staging directory.
            await _stream.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async ValueTask FlushRowGroupAsync(CancellationToken cancellationToken)
    {
        if (_ids.Count == 0)
        {
            return;
        }

        var definitions = new int[_tokenCount];
        Array.Fill(definitions, ParquetShardSchema.TokenDefinitionLevel);
        var repetitions = new int[_tokenCount];
        var at = 0;
        foreach (var count in _counts)
        {
            // 0 starts a new row's list, 1 continues it; every list here is non-empty.
            repetitions.AsSpan(at + 1, count - 1).Fill(1);
            at += count;
        }

        using (var rowGroup = _writer.CreateRowGroup())
        {
            await rowGroup.WriteAsync(ParquetShardSchema.Id, _ids, null).ConfigureAwait(false);
            await rowGroup.WriteAllPartsAsync<int>(ParquetShardSchema.TokenElement, _tokens.AsMemory(0, _tokenCount), definitions, repetitions, cancellationToken).ConfigureAwait(false);
            await rowGroup.WriteAsync<int>(ParquetShardSchema.TokenCount, _counts.ToArray(), null, null, cancellationToken).ConfigureAwait(false);
            await rowGroup.WriteAsync(ParquetShardSchema.Language, _languages, null).ConfigureAwait(false);
            await rowGroup.WriteAsync(ParquetShardSchema.Source, _sources, null).ConfigureAwait(false);
            rowGroup.CompleteValidate();
        }

        _ids.Clear();
        _languages.Clear();
        _sources.Clear();
        _counts.Clear();
        _tokenCount = 0;
    }
}
