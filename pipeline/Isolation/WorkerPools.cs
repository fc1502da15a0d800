using Corpus.Core.Configuration;

namespace Corpus.Pipeline.Isolation;

/// <summary>The worker pool a build's <c>limits</c> ask for.</summary>
internal static class WorkerPools
{
    /// <summary>
    /// A pool of <c>limits.worker_processes</c> workers (0: one per build worker, at most the number of cores), each
    /// under <c>limits.worker_memory_mb</c>; null when <c>limits.isolation</c> is <c>none</c> or the <c>corpus</c> CLI
    /// cannot be found to start (a host that embeds the pipeline without it parses in process).
    /// </summary>
    public static WorkerPool? For(LimitsConfig limits, int buildWorkers)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (!limits.Isolated || WorkerCommand.Find() is not { } command)
        {
            return null;
        }

        var size = limits.WorkerProcesses > 0 ? limits.WorkerProcesses : Math.Clamp(buildWorkers, 1, Environment.ProcessorCount);
        return new WorkerPool(new WorkerPoolOptions(command, size, limits.WorkerMemoryMb * 1024 * 1024));
    }

    /// <summary>How long a worker may read one ingest item: the document limit, or a PDF's when that is longer, and a grace.</summary>
    public static TimeSpan ItemLimit(BuildConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return TimeSpan.FromSeconds(Math.Max(config.Limits.DocumentSeconds, config.Input.PdfMaxSeconds)) + PooledPdfHost.Grace;
    }
}
