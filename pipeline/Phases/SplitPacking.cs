using System.Collections.Immutable;
using System.Globalization;
using Corpus.Pipeline.Storage;
using Corpus.Shards;
using Corpus.Shards.Mixing;
using Corpus.Shards.Packing;

namespace Corpus.Pipeline.Phases;

/// <summary>
/// Packs one stage split inside a pack task: best-fit packing of the copies it is given (memory
/// bounded by the packing window), each sequence scattered to one of K × M scatter files by a seeded
/// draw of its position, then each scatter file read back, ordered by a second draw, and appended to
/// its packed file: packed file <c>k</c> (<c>packed-KKKKK.packed.parquet</c> in the staging folder)
/// is scatter files <c>k·M</c> to <c>k·M + M − 1</c> in turn. K is chosen so a packed file holds
/// about <c>shards.max_shard_bytes</c>, M so a scatter file holds about <see cref="GatherBytes"/>,
/// which bounds what a gather holds whatever the split's size. Scatter files are <see cref="ScatterFile"/>s:
/// an open one holds only its write buffer, however many sequences it has taken.
/// </summary>
internal sealed class SplitPacking : IDisposable
{
    /// <summary>About the most tokens, in bytes, one row group of a packed file holds (512 sequences of 4K; fewer of longer contexts).</summary>
    public const long OutputRowGroupBytes = 8L * 1024 * 1024;

    /// <summary>About the most tokens, in bytes, one scatter file holds: what a gather reads into memory at once.</summary>
    public const long GatherBytes = 48L * 1024 * 1024;

    private readonly long _seed;
    private readonly string _staging;
    private readonly string _salt;
    private readonly BestFitPacker _packer;
    private readonly PackedParquetOptions _options;
    private readonly ScatterFile.Writer?[] _scatter;
    private readonly int _scatterPerFile;
    private readonly SortedDictionary<(string Language, string Domain, string Source), (long Documents, long Tokens)> _counts = [];
    private long _position;

    public SplitPacking(string staging, string stage, string split, long seed, int contextLength, int padId, long windowTokens, long expectedTokens, long maxShardBytes)
    {
        _seed = seed;
        _staging = staging;
        _salt = $"{stage}/{split}/shuffle";
        _packer = new BestFitPacker(new PackingOptions { ContextLength = contextLength, PadId = padId, WindowTokens = Math.Max(contextLength, windowTokens) });
        _options = new PackedParquetOptions
        {
            ContextLength = contextLength,
            PadId = padId,
            RowGroupSequences = (int)Math.Clamp(OutputRowGroupBytes / (contextLength * 4L), 1, 512),
        };
        var expectedBytes = expectedTokens * 4 * 1.1;
        var files = (int)Math.Clamp(Math.Ceiling(expectedBytes / maxShardBytes), 1, 100_000);
        _scatterPerFile = (int)Math.Clamp(Math.Ceiling(expectedBytes / files / GatherBytes), 1, 100_000 / files);
        var scatterCount = files * _scatterPerFile;
        _scatter = new ScatterFile.Writer?[scatterCount];
        Directory.CreateDirectory(staging);
    }

    public long Documents { get; private set; }

    public long Tokens { get; private set; }

    public PackingStats Stats => _packer.Stats;

    /// <summary>Packs <paramref name="copies"/> copies of <paramref name="row"/>.</summary>
    public void Add(TokenizedRow row, int copies)
    {
        for (var c = 0; c < copies; c++)
        {
            Scatter(_packer.Add(new PackingDocument(row.Id, row.Language, row.Domain, row.Source, row.Tokens)));
            var key = (row.Language, row.Domain, row.Source);
            _counts.TryGetValue(key, out var sum);
            _counts[key] = (sum.Documents + 1, sum.Tokens + row.Tokens.Length);
            Documents++;
            Tokens += row.Tokens.Length;
        }
    }

    /// <summary>
    /// Packs what the window still holds, gathers every scatter file into its packed file, and
    /// returns the files; <paramref name="withCounts"/> puts the split's token counts on the first
    /// (when no Megatron shards carry them).
    /// </summary>
    public async ValueTask<ImmutableArray<ShardFile>> CompleteAsync(bool withCounts, CancellationToken ct)
    {
        Scatter(_packer.Complete());
        for (var k = 0; k < _scatter.Length; k++)
        {
            _scatter[k]?.Dispose();
            _scatter[k] = null;
        }

        var files = ImmutableArray.CreateBuilder<ShardFile>();
        for (var k = 0; k * _scatterPerFile < _scatter.Length; k++)
        {
            var name = $"packed-{k:D5}.packed.parquet";
            PackedParquetWriter? writer = null;
            try
            {
                for (var m = k * _scatterPerFile; m < (k + 1) * _scatterPerFile; m++)
                {
                    var scatterPath = Path.Combine(_staging, ScatterName(m));
                    if (!File.Exists(scatterPath))
                    {
                        continue;
                    }

                    writer ??= await PackedParquetWriter.CreateAsync(Path.Combine(_staging, name), _options, ct).ConfigureAwait(false);
                    await GatherAsync(scatterPath, writer, $"{_salt}/{m}", ct).ConfigureAwait(false);
                    File.Delete(scatterPath);
                }

                if (writer is null)
                {
                    continue;
                }

                var file = await writer.CompleteAsync(ct).ConfigureAwait(false);
                IReadOnlyList<ShardTokenCount> counts = withCounts && files.Count == 0
                    ? [.. _counts.Select(c => new ShardTokenCount(c.Key.Language, c.Key.Domain, c.Key.Source, c.Value.Documents, c.Value.Tokens))]
                    : [];
                files.Add(new ShardFile(name, name[..^".parquet".Length], file.Sha256, file.Bytes, file.Segments, file.Tokens, counts));
            }
            finally
            {
                if (writer is not null)
                {
                    await writer.DisposeAsync().ConfigureAwait(false);
                }
            }
        }

        return files.ToImmutable();
    }

    public void Dispose()
    {
        foreach (var writer in _scatter)
        {
            writer?.Dispose();
        }
    }

    private void Scatter(IReadOnlyList<PackedSequence> sequences)
    {
        foreach (var sequence in sequences)
        {
            var k = (int)(MixingHash.Draw(_seed, _salt, _position.ToString(CultureInfo.InvariantCulture)) % (ulong)_scatter.Length);
            _position++;
            (_scatter[k] ??= ScatterFile.Create(Path.Combine(_staging, ScatterName(k)))).Add(sequence);
        }
    }

    /// <summary>Reads one scatter file, orders its sequences by a seeded draw of their place in it, and appends them to <paramref name="writer"/>.</summary>
    private async Task GatherAsync(string scatterPath, PackedParquetWriter writer, string salt, CancellationToken ct)
    {
        var sequences = ScatterFile.ReadAll(scatterPath);

        var order = Enumerable.Range(0, sequences.Count)
            .Select(i => (Index: i, Draw: MixingHash.Draw(_seed, salt, i.ToString(CultureInfo.InvariantCulture))))
            .OrderBy(x => x.Draw)
            .ThenBy(x => x.Index);
        foreach (var (index, _) in order)
        {
            await writer.AddAsync(sequences[index], ct).ConfigureAwait(false);
            sequences[index] = null!; // written: let it go before the rest are
        }
    }

    private static string ScatterName(int k) => $"scatter-{k:D5}.bin";
}
