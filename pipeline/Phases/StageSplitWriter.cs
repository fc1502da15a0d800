using Corpus.Shards;
using Corpus.Shards.Mixing;
using Corpus.Shards.Packing;

namespace Corpus.Pipeline.Phases;

/// <summary>
/// Writes one task's share of one stage split (<c>train</c> or <c>valid</c>) into a staging folder:
/// the documents as Megatron <c>.bin/.idx</c> shards, and the same documents best-fit packed into
/// sequences of the stage's context length as <c>&lt;task&gt;.packed.parquet</c>, each packing
/// window's sequences shuffled by a seeded draw. Counts what it writes.
/// </summary>
internal sealed class StageSplitWriter : IAsyncDisposable
{
    private readonly ShardSetWriter? _documents;
    private readonly BestFitPacker? _packer;
    private readonly string _packedPath;
    private readonly string _packedName;
    private readonly PackedParquetOptions? _packedOptions;
    private readonly long _seed;
    private readonly string _salt;
    private readonly SortedDictionary<(string Language, string Domain, string Source), (long Documents, long Tokens)> _counts = [];
    private PackedParquetWriter? _packed;
    private long _written;

    public StageSplitWriter(string stagingDir, string taskName, StageSplitOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Directory.CreateDirectory(stagingDir);
        _seed = options.Seed;
        _salt = options.Stage + "/" + options.Split + "/" + taskName;
        _documents = options.Megatron
            ? ShardSetWriter.Create(new ShardSetOptions
            {
                OutputDirectory = stagingDir,
                BaseName = taskName,
                EndOfTextId = options.EndOfTextId,
                MaxShardBytes = options.MaxShardBytes,
                Formats = ShardFormats.Megatron,
            })
            : null;
        _packedName = taskName + ".packed.parquet";
        _packedPath = Path.Combine(stagingDir, _packedName);
        if (options.Packed)
        {
            _packer = new BestFitPacker(new PackingOptions { ContextLength = options.ContextLength, PadId = options.EndOfTextId, WindowTokens = Math.Max(options.ContextLength, options.PackingWindowTokens) });
            _packedOptions = new PackedParquetOptions { ContextLength = options.ContextLength, PadId = options.EndOfTextId };
        }
    }

    public StageSplitStats Stats { get; } = new();

    public async ValueTask AddAsync(ShardDocument document, CancellationToken ct)
    {
        if (_documents is not null)
        {
            await _documents.AddAsync(document, ct).ConfigureAwait(false);
        }

        if (_packer is not null)
        {
            await WriteAsync(_packer.Add(new PackingDocument(document.Id, document.Language, document.Domain, document.Source, document.Tokens)), ct).ConfigureAwait(false);
        }

        Stats.AddCopy(document.Tokens.Length);
        var key = (document.Language, document.Domain, document.Source);
        _counts.TryGetValue(key, out var sum);
        _counts[key] = (sum.Documents + 1, sum.Tokens + document.Tokens.Length);
    }

    public async ValueTask<IReadOnlyList<ShardFile>> CompleteAsync(CancellationToken ct)
    {
        var files = new List<ShardFile>();
        if (_documents is not null)
        {
            files.AddRange(await _documents.CompleteAsync(ct).ConfigureAwait(false));
        }

        if (_packer is not null)
        {
            await WriteAsync(_packer.Complete(), ct).ConfigureAwait(false);
            var stats = _packer.Stats;
            Stats.Sequences += stats.Sequences;
            Stats.PaddingTokens += stats.PaddingTokens;
            Stats.TruncatedDocuments += stats.DocumentsTruncated;
            if (_packed is not null)
            {
                var file = await _packed.CompleteAsync(ct).ConfigureAwait(false);
                _packed = null;

                // The Megatron shards carry the token counts when they are written; otherwise the packed file does.
                IReadOnlyList<ShardTokenCount> counts = _documents is null
                    ? [.. _counts.Select(c => new ShardTokenCount(c.Key.Language, c.Key.Domain, c.Key.Source, c.Value.Documents, c.Value.Tokens))]
                    : [];
                files.Add(new ShardFile(_packedName, _packedName[..^".parquet".Length], file.Sha256, file.Bytes, file.Segments, file.Tokens, counts));
            }
        }

        return files;
    }

    public async ValueTask DisposeAsync()
    {
        if (_documents is not null)
        {
            await _documents.DisposeAsync().ConfigureAwait(false);
        }

        if (_packed is not null)
        {
            await _packed.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Writes one window's sequences in the order of a seeded draw over (stage, split, task, position).</summary>
    private async ValueTask WriteAsync(IReadOnlyList<PackedSequence> sequences, CancellationToken ct)
    {
        if (sequences.Count == 0)
        {
            return;
        }

        _packed ??= await PackedParquetWriter.CreateAsync(_packedPath, _packedOptions!, ct).ConfigureAwait(false);
        var first = _written;
        var order = Enumerable.Range(0, sequences.Count)
            .OrderBy(i => MixingHash.Draw(_seed, _salt, (first + i).ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .ThenBy(i => i);
        foreach (var i in order)
        {
            await _packed.AddAsync(sequences[i], ct).ConfigureAwait(false);
        }

        _written += sequences.Count;
    }
}

/// <summary>How a <see cref="StageSplitWriter"/> writes.</summary>
internal sealed record StageSplitOptions(string Stage, string Split, long Seed, int ContextLength, int EndOfTextId, long MaxShardBytes, long PackingWindowTokens, bool Megatron, bool Packed);
