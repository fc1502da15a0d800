using System.Globalization;
using Corpus.Shards.Megatron;
using Corpus.Shards.ParquetFormat;

namespace Corpus.Shards;

/// <summary>
/// Writes a set of token shards: Megatron <c>.bin</c>/<c>.idx</c> and/or Parquet, named
/// <c>{base}-{roll:D4}</c>, rolling to the next shard at a document boundary once the size bound
/// would be passed. Files go straight to their final names in the output directory; nothing is
/// created until the first document arrives. Not thread-safe: one caller adds documents in order.
/// </summary>
public sealed class ShardSetWriter : IAsyncDisposable
{
    private readonly ShardSetOptions _options;
    private readonly List<ShardFile> _files = [];
    private readonly SortedDictionary<(string Language, string Domain, string Source), (long Documents, long Tokens)> _counts = new(KeyComparer.Instance);
    private MegatronShardWriter? _megatron;
    private ParquetShardWriter? _parquet;
    private int _roll;
    private bool _open;
    private long _shardBytes;
    private long _shardDocuments;
    private long _shardTokens;
    private bool _completed;

    private ShardSetWriter(ShardSetOptions options) => _options = options;

    /// <summary>Creates a writer; validates the options, touches no file.</summary>
    public static ShardSetWriter Create(ShardSetOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.OutputDirectory);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.BaseName);
        if (options.BaseName.IndexOfAny(['/', '\\']) >= 0 || options.BaseName is "." or "..")
        {
            throw new ArgumentException($"base name '{options.BaseName}' must be a plain file name", nameof(options));
        }

        if (options.MaxShardBytes < sizeof(int))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxShardBytes, "MaxShardBytes must hold at least one token");
        }

        if ((options.Formats & ShardFormats.All) == ShardFormats.None || (options.Formats & ~ShardFormats.All) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Formats, "Formats must name Megatron, Parquet or both");
        }

        if (options.ParquetRowGroupDocuments < 1 || options.ParquetRowGroupTokenBytes < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "Parquet row group bounds must be positive");
        }

        return new ShardSetWriter(options);
    }

    /// <summary>
    /// Appends one document. Its tokens must be non-empty and end with <see cref="ShardSetOptions.EndOfTextId"/>.
    /// </summary>
    public async ValueTask AddAsync(ShardDocument document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        ObjectDisposedException.ThrowIf(_completed, this);
        cancellationToken.ThrowIfCancellationRequested();
        Validate(document);

        var bytes = (long)document.Tokens.Length * sizeof(int);
        if (_open && _shardDocuments > 0 && _shardBytes + bytes > _options.MaxShardBytes)
        {
            await CloseShardAsync(cancellationToken).ConfigureAwait(false);
        }

        if (!_open)
        {
            await OpenShardAsync(cancellationToken).ConfigureAwait(false);
        }

        if (_megatron is not null)
        {
            await _megatron.AddAsync(document.Tokens, cancellationToken).ConfigureAwait(false);
        }

        if (_parquet is not null)
        {
            await _parquet.AddAsync(document, cancellationToken).ConfigureAwait(false);
        }

        _shardBytes += bytes;
        _shardDocuments++;
        _shardTokens += document.Tokens.Length;
        var key = (document.Language, document.Domain, document.Source);
        _counts.TryGetValue(key, out var count);
        _counts[key] = (count.Documents + 1, count.Tokens + document.Tokens.Length);
    }

    /// <summary>
    /// Finishes the last shard and returns every file written, sorted by path; empty when no
    /// document was added.
    /// </summary>
    public async ValueTask<IReadOnlyList<ShardFile>> CompleteAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        if (_open)
        {
            await CloseShardAsync(cancellationToken).ConfigureAwait(false);
        }

        _completed = true;
        return _files.OrderBy(f => f.Path, StringComparer.Ordinal).ToArray();
    }

    /// <summary>Closes open files without finishing them when <see cref="CompleteAsync"/> was not called.</summary>
    public async ValueTask DisposeAsync()
    {
        _completed = true;
        if (_megatron is not null)
        {
            await _megatron.DisposeAsync().ConfigureAwait(false);
            _megatron = null;
        }

        if (_parquet is not null)
        {
            await _parquet.DisposeAsync().ConfigureAwait(false);
            _parquet = null;
        }
    }

    private void Validate(ShardDocument document)
    {
        ArgumentNullException.ThrowIfNull(document.Id);
        ArgumentNullException.ThrowIfNull(document.Language);
        ArgumentNullException.ThrowIfNull(document.Source);
        ArgumentNullException.ThrowIfNull(document.Domain);
        var tokens = document.Tokens.Span;
        if (tokens.IsEmpty)
        {
            throw new ArgumentException($"document '{document.Id}' has no tokens; it must at least end with the end-of-text id {_options.EndOfTextId}", nameof(document));
        }

        if (tokens[^1] != _options.EndOfTextId)
        {
            throw new ArgumentException($"document '{document.Id}' ends with token {tokens[^1]}, not the end-of-text id {_options.EndOfTextId}", nameof(document));
        }
    }

    private string ShardName => string.Create(CultureInfo.InvariantCulture, $"{_options.BaseName}-{_roll:D4}");

    private async ValueTask OpenShardAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_options.OutputDirectory);
        var stem = Path.Combine(_options.OutputDirectory, ShardName);
        if (_options.Formats.HasFlag(ShardFormats.Megatron))
        {
            _megatron = MegatronShardWriter.Create(stem + ".bin", stem + ".idx");
        }

        if (_options.Formats.HasFlag(ShardFormats.Parquet))
        {
            _parquet = await ParquetShardWriter.CreateAsync(stem + ".parquet", _options.ParquetRowGroupDocuments, _options.ParquetRowGroupTokenBytes, cancellationToken).ConfigureAwait(false);
        }

        _open = true;
    }

    private async ValueTask CloseShardAsync(CancellationToken cancellationToken)
    {
        var shard = ShardName;
        var counts = _counts.Select(c => new ShardTokenCount(c.Key.Language, c.Key.Domain, c.Key.Source, c.Value.Documents, c.Value.Tokens)).ToArray();
        if (_megatron is not null)
        {
            var (binSha, binBytes, idxSha, idxBytes) = await _megatron.CompleteAsync(cancellationToken).ConfigureAwait(false);
            _megatron = null;
            _files.Add(new ShardFile(shard + ".bin", shard, binSha, binBytes, _shardDocuments, _shardTokens, counts));
            _files.Add(new ShardFile(shard + ".idx", shard, idxSha, idxBytes, _shardDocuments, _shardTokens, counts));
        }

        if (_parquet is not null)
        {
            var (sha, bytes) = await _parquet.CompleteAsync(cancellationToken).ConfigureAwait(false);
            _parquet = null;
            _files.Add(new ShardFile(shard + ".parquet", shard, sha, bytes, _shardDocuments, _shardTokens, counts));
        }

        _open = false;
        _roll++;
        _shardBytes = 0;
        _shardDocuments = 0;
        _shardTokens = 0;
        _counts.Clear();
    }

    private sealed class KeyComparer : IComparer<(string Language, string Domain, string Source)>
    {
        public static KeyComparer Instance { get; } = new();

        public int Compare((string Language, string Domain, string Source) x, (string Language, string Domain, string Source) y)
        {
            var c = string.CompareOrdinal(x.Language, y.Language);
            if (c == 0)
            {
                c = string.CompareOrdinal(x.Domain, y.Domain);
            }

            return c != 0 ? c : string.CompareOrdinal(x.Source, y.Source);
        }
    }
}
