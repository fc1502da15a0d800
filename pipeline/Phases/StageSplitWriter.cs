using Corpus.Shards;

namespace Corpus.Pipeline.Phases;

/// <summary>
/// Writes one task's share of one stage split (<c>train</c> or <c>valid</c>) as Megatron
/// <c>.bin/.idx</c> document shards into a staging folder (nothing when the build writes only
/// packed Parquet), and counts the copies it is given.
/// </summary>
internal sealed class StageSplitWriter : IAsyncDisposable
{
    private readonly ShardSetWriter? _documents;

    public StageSplitWriter(string stagingDir, string taskName, int endOfTextId, long maxShardBytes, bool megatron)
    {
        Directory.CreateDirectory(stagingDir);
        _documents = megatron
            ? ShardSetWriter.Create(new ShardSetOptions
            {
                OutputDirectory = stagingDir,
                BaseName = taskName,
                EndOfTextId = endOfTextId,
                MaxShardBytes = maxShardBytes,
                Formats = ShardFormats.Megatron,
            })
            : null;
    }

    public StageSplitStats Stats { get; } = new();

    public async ValueTask AddAsync(ShardDocument document, CancellationToken ct)
    {
        if (_documents is not null)
        {
            await _documents.AddAsync(document, ct).ConfigureAwait(false);
        }

        Stats.AddCopy(document.Tokens.Length);
    }

    public async ValueTask<IReadOnlyList<ShardFile>> CompleteAsync(CancellationToken ct) =>
        _documents is null ? [] : await _documents.CompleteAsync(ct).ConfigureAwait(false);

    public async ValueTask DisposeAsync()
    {
        if (_documents is not null)
        {
            await _documents.DisposeAsync().ConfigureAwait(false);
        }
    }
}
