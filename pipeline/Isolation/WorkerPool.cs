namespace Corpus.Pipeline.Isolation;

/// <summary>What a <see cref="WorkerPool"/> starts and how many.</summary>
/// <param name="Command">How to start a worker process.</param>
/// <param name="Size">Most worker processes alive at once; a caller waits for one when all are busy.</param>
/// <param name="MemoryBytes">Each worker's managed heap limit; a request that needs more is <see cref="WorkerStatus.OutOfMemory"/>.</param>
internal sealed record WorkerPoolOptions(WorkerCommand Command, int Size, long MemoryBytes);

/// <summary>
/// A small pool of worker processes, started on first need and reused across requests. A worker that dies, is killed
/// at a time limit or runs out of memory is thrown away and the next request starts a fresh one, so one hostile input
/// costs one request; so is one that answers and says it exits (it left a parse running past its limit). Thread-safe:
/// callers on any thread borrow a worker for one call.
/// </summary>
internal sealed class WorkerPool : IDisposable
{
    private readonly WorkerPoolOptions _options;
    private readonly SemaphoreSlim _slots;
    private readonly Stack<WorkerProcess> _idle = new();
    private readonly Lock _gate = new();
    private int _started;
    private int _lost;
    private bool _disposed;

    public WorkerPool(WorkerPoolOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options with { Size = Math.Max(1, options.Size) };
        _slots = new SemaphoreSlim(_options.Size, _options.Size);
    }

    /// <summary>Worker processes started so far.</summary>
    public int Started => Volatile.Read(ref _started);

    /// <summary>Worker processes that died, were killed or ran out of memory during a call.</summary>
    public int Lost => Volatile.Read(ref _lost);

    /// <summary>Runs one request of <paramref name="kind"/> in a worker, at most <paramref name="limit"/>.</summary>
    /// <exception cref="InvalidOperationException">No worker process could be started.</exception>
    public WorkerOutcome Call(string kind, ReadOnlySpan<byte> body, TimeSpan limit, CancellationToken ct)
    {
        _slots.Wait(ct);
        WorkerProcess? worker = null;
        try
        {
            worker = Borrow();
            var outcome = worker.Call(kind, body, limit, ct);
            if (outcome.Status is WorkerStatus.Answered or WorkerStatus.Failed && !worker.IsDead && !worker.IsRetiring)
            {
                Return(worker);
                worker = null;
            }
            else if (!worker.IsRetiring)
            {
                Interlocked.Increment(ref _lost);
            }

            return outcome;
        }
        finally
        {
            worker?.Dispose();
            _slots.Release();
        }
    }

    public void Dispose()
    {
        WorkerProcess[] idle;
        lock (_gate)
        {
            _disposed = true;
            idle = [.. _idle];
            _idle.Clear();
        }

        foreach (var worker in idle)
        {
            worker.Dispose();
        }
    }

    private WorkerProcess Borrow()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_idle.TryPop(out var idle))
            {
                return idle;
            }
        }

        Interlocked.Increment(ref _started);
        return WorkerProcess.Start(_options.Command, _options.MemoryBytes);
    }

    private void Return(WorkerProcess worker)
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                _idle.Push(worker);
                return;
            }
        }

        worker.Dispose();
    }
}
