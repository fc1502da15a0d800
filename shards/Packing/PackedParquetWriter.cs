using System.Globalization;
using Corpus.Shards.IO;
using Parquet;
using Parquet.Schema;

namespace Corpus.Shards.Packing;

/// <summary>
/// Writes one Parquet file of packed sequences, one row per sequence, buffering one row group at a
/// time (<see cref="PackedParquetOptions.RowGroupSequences"/>). Snappy, no timestamps: the same
/// sequences give the same bytes. The context length and pad id go into the file's key-value
/// metadata (<c>corpus.context_length</c>, <c>corpus.pad_id</c>).
/// </summary>
public sealed class PackedParquetWriter : IAsyncDisposable
{
    private readonly HashingWriteStream _stream;
    private readonly ParquetWriter _writer;
    private readonly PackedParquetOptions _options;
    private readonly List<PackedSequence> _group = [];
    private long _sequences;
    private long _segments;
    private long _tokens;
    private bool _completed;

    private PackedParquetWriter(HashingWriteStream stream, ParquetWriter writer, PackedParquetOptions options)
    {
        _stream = stream;
        _writer = writer;
        _options = options;
    }

    /// <summary>Creates <paramref name="path"/> (which must not exist) and writes its header.</summary>
    public static async ValueTask<PackedParquetWriter> CreateAsync(string path, PackedParquetOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ContextLength, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.RowGroupSequences, 1, nameof(options));
        var file = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.Read,
            BufferSize = options.FileBufferBytes,
        });
        var stream = new HashingWriteStream(file);
        try
        {
            var writer = await ParquetWriter.CreateAsync(PackedParquetSchema.Schema, stream, WriterOptions, append: false, cancellationToken).ConfigureAwait(false);
            writer.CustomMetadata = new Dictionary<string, string>
            {
                [PackedParquetSchema.ContextLengthKey] = options.ContextLength.ToString(CultureInfo.InvariantCulture),
                [PackedParquetSchema.PadIdKey] = options.PadId.ToString(CultureInfo.InvariantCulture),
            };
            return new PackedParquetWriter(stream, writer, options);
        }
        catch
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    internal static ParquetOptions WriterOptions => new() { CompressionMethod = CompressionMethod.Snappy };

    /// <summary>Adds one sequence; throws <see cref="ArgumentException"/> when it is not well formed for the context length.</summary>
    public async ValueTask AddAsync(PackedSequence sequence, CancellationToken cancellationToken = default)
    {
        Check(sequence);
        _group.Add(sequence);
        _sequences++;
        _segments += sequence.SegmentCount;
        _tokens += sequence.RealTokens;
        if (_group.Count >= _options.RowGroupSequences)
        {
            await FlushRowGroupAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Writes the last row group and the footer; returns the file's hash, size and counts.</summary>
    public async ValueTask<PackedParquetFile> CompleteAsync(CancellationToken cancellationToken = default)
    {
        await FlushRowGroupAsync(cancellationToken).ConfigureAwait(false);
        _completed = true;
        await _writer.DisposeAsync().ConfigureAwait(false);
        await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        var sha = _stream.FinishHash();
        var bytes = _stream.Length;
        await _stream.DisposeAsync().ConfigureAwait(false);
        return new PackedParquetFile(sha, bytes, _sequences, _segments, _tokens);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (!_completed)
        {
            // Abandoned: close the file without a footer; the caller discards it.
            _completed = true;
            await _stream.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void Check(PackedSequence sequence)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        var context = _options.ContextLength;
        var cu = sequence.CuSeqlens;
        var segments = cu.Length - 1;
        string? fault = null;
        if (sequence.Tokens.Length != context)
        {
            fault = $"has {sequence.Tokens.Length} tokens, not the context length {context}";
        }
        else if (segments < 1 || cu[0] != 0)
        {
            fault = "has cu_seqlens that do not start with 0 and at least one boundary";
        }
        else if (cu[^1] != context - sequence.Padding || sequence.Padding < 0)
        {
            fault = $"ends its last segment at {cu[^1]}, not at context length − padding ({context} − {sequence.Padding})";
        }
        else if (sequence.DocumentIds.Length != segments || sequence.ChunkIndexes.Length != segments
            || sequence.Languages.Length != segments || sequence.Domains.Length != segments || sequence.Sources.Length != segments)
        {
            fault = $"has segment arrays that are not {segments} long";
        }
        else
        {
            for (var i = 1; i < cu.Length; i++)
            {
                if (cu[i] <= cu[i - 1])
                {
                    fault = "has cu_seqlens that do not strictly increase";
                    break;
                }
            }
        }

        if (fault is not null)
        {
            throw new ArgumentException($"sequence {_sequences} {fault}", nameof(sequence));
        }
    }

    private async ValueTask FlushRowGroupAsync(CancellationToken cancellationToken)
    {
        if (_group.Count == 0)
        {
            return;
        }

        var context = _options.ContextLength;
        // The token column and its levels, the row group's bulk, are rented and given back once written.
        var tokenCount = _group.Count * context;
        var inputIds = IO.ColumnBuffers<int>.Rent(tokenCount);
        var tokenDefinitions = IO.ColumnBuffers<int>.Rent(tokenCount);
        var tokenRepetitions = IO.ColumnBuffers<int>.Rent(tokenCount);
        try
        {
            await FlushRowGroupAsync(context, inputIds, tokenDefinitions, tokenRepetitions, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            IO.ColumnBuffers<int>.Return(inputIds);
            IO.ColumnBuffers<int>.Return(tokenDefinitions);
            IO.ColumnBuffers<int>.Return(tokenRepetitions);
        }

        _group.Clear();
    }

    private async ValueTask FlushRowGroupAsync(int context, int[] inputIds, int[] tokenDefinitions, int[] tokenRepetitions, CancellationToken cancellationToken)
    {
        var segmentCount = _group.Sum(s => s.SegmentCount);
        var tokenCount = _group.Count * context;
        var cuSeqlens = new int[segmentCount + _group.Count];
        var documentIds = new string[segmentCount];
        var chunkIndexes = new int[segmentCount];
        var languages = new string[segmentCount];
        var domains = new string[segmentCount];
        var sources = new string[segmentCount];
        var padding = new int[_group.Count];
        var tokenLengths = new int[_group.Count];
        var cuLengths = new int[_group.Count];
        var segmentLengths = new int[_group.Count];
        var tokenAt = 0;
        var cuAt = 0;
        var segmentAt = 0;
        for (var row = 0; row < _group.Count; row++)
        {
            var s = _group[row];
            s.Tokens.CopyTo(inputIds, tokenAt);
            tokenAt += context;
            s.CuSeqlens.CopyTo(cuSeqlens, cuAt);
            cuAt += s.CuSeqlens.Length;
            s.DocumentIds.CopyTo(documentIds, segmentAt);
            s.ChunkIndexes.CopyTo(chunkIndexes, segmentAt);
            s.Languages.CopyTo(languages, segmentAt);
            s.Domains.CopyTo(domains, segmentAt);
            s.Sources.CopyTo(sources, segmentAt);
            segmentAt += s.SegmentCount;
            padding[row] = s.Padding;
            tokenLengths[row] = context;
            cuLengths[row] = s.CuSeqlens.Length;
            segmentLengths[row] = s.SegmentCount;
        }

        var segmentRepetitions = Repetitions(segmentLengths, segmentCount);
        var segmentDefinitions = Definitions(segmentCount);
        using (var rowGroup = _writer.CreateRowGroup())
        {
            tokenDefinitions.AsSpan(0, tokenCount).Fill(PackedParquetSchema.ElementDefinitionLevel);
            FillRepetitions(tokenRepetitions, tokenLengths);
            await rowGroup.WriteAllPartsAsync<int>(PackedParquetSchema.InputIds, inputIds.AsMemory(0, tokenCount), tokenDefinitions.AsMemory(0, tokenCount), tokenRepetitions.AsMemory(0, tokenCount), cancellationToken).ConfigureAwait(false);
            await rowGroup.WriteAllPartsAsync<int>(PackedParquetSchema.CuSeqlens, cuSeqlens, Definitions(cuSeqlens.Length), Repetitions(cuLengths, cuSeqlens.Length), cancellationToken).ConfigureAwait(false);
            await WriteStringsAsync(rowGroup, PackedParquetSchema.DocumentIds, documentIds, segmentRepetitions).ConfigureAwait(false);
            await rowGroup.WriteAllPartsAsync<int>(PackedParquetSchema.ChunkIndexes, chunkIndexes, segmentDefinitions, segmentRepetitions, cancellationToken).ConfigureAwait(false);
            await WriteStringsAsync(rowGroup, PackedParquetSchema.Languages, languages, segmentRepetitions).ConfigureAwait(false);
            await WriteStringsAsync(rowGroup, PackedParquetSchema.Domains, domains, segmentRepetitions).ConfigureAwait(false);
            await WriteStringsAsync(rowGroup, PackedParquetSchema.Sources, sources, segmentRepetitions).ConfigureAwait(false);
            await rowGroup.WriteAsync<int>(PackedParquetSchema.Padding, padding, null, null, cancellationToken).ConfigureAwait(false);
            rowGroup.CompleteValidate();
        }
    }

    /// <summary>A list of required strings: Parquet.Net derives the definition levels (none null).</summary>
    private static Task WriteStringsAsync(ParquetRowGroupWriter rowGroup, DataField field, string[] values, int[] repetitions) =>
        rowGroup.WriteAsync(field, values, repetitions);

    private static int[] Definitions(int count)
    {
        var definitions = new int[count];
        Array.Fill(definitions, PackedParquetSchema.ElementDefinitionLevel);
        return definitions;
    }

    /// <summary>0 starts a row's list, 1 continues it; every list here is non-empty.</summary>
    private static int[] Repetitions(int[] lengths, int total)
    {
        var repetitions = new int[total];
        FillRepetitions(repetitions, lengths);
        return repetitions;
    }

    private static void FillRepetitions(int[] repetitions, int[] lengths)
    {
        var at = 0;
        foreach (var length in lengths)
        {
            repetitions[at] = 0;
            repetitions.AsSpan(at + 1, length - 1).Fill(1);
            at += length;
        }
    }
}
