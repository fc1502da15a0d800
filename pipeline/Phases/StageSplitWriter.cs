using Corpus.Shards;

namespace Corpus.Pipeline.Phases;

/// <summary>
/// Writes one task's share of one stage split (<c>train</c> or <c>valid</c>) into a staging folder:
/// the documents as Megatron <c>.bin/.idx</c> shards, and the same documents packed into
/// fixed-length sequences as Parquet. Counts what it writes.
/// </summary>
internal sealed class StageSplitWriter : IAsyncDisposable
{
    private readonly ShardSetWriter? _documents;

    public StageSplitWriter(string stagingDir, string taskName, int endOfTextId, long maxShardBytes, bool megatron)
    {
        Directory.CreateDirectory(stagingDir);
        StagingDir = stagingDir;
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

    public string StagingDir { get; }

    public StageSplitStats Stats { get; } = new();

    public async ValueTask AddAsync(ShardDocument document, CancellationToken ct)
    {
        if (_documents is not null)
        {
            await _documents.AddAsync(document, ct).ConfigureAwait(false);
        }

        Stats.AddCopy(document.Tokens.Length);
    }

    public async ValueTask<IReadOnlyList<ShardFile>> CompleteAsync(CancellationToken ct)
    {
        var files = new List<ShardFile>();
        if (_documents is not null)
        {
            files.AddRange(await _documents.CompleteAsync(ct).ConfigureAwait(false));
        }

        return files;
    }

    public async ValueTask DisposeAsync()
    {
        if (_documents is not null)
        {
            await _documents.DisposeAsync().ConfigureAwait(false);
        }
    }
}
