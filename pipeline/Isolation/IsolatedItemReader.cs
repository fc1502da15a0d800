using Corpus.Pipeline.Phases;

namespace Corpus.Pipeline.Isolation;

/// <summary>Reads one ingest item in a <see cref="WorkerPool"/>'s process, at most <paramref name="limit"/>.</summary>
internal sealed class IsolatedItemReader(WorkerPool pool, TimeSpan limit)
{
    public WorkerOutcome Read(InputItem item, InputReaderSettings settings, CancellationToken ct) =>
        pool.Call(IngestItemWire.Kind, IngestItemWire.EncodeRequest(item, settings), limit, ct);
}
