using Akka.Streams;
using Corpus.Pipeline.Build;
using Corpus.Pipeline.Execution;

namespace Corpus.Pipeline.Cluster;

/// <summary>
/// A worker node's executors: on the first task it reads the build's inputs from its own arguments
/// (for the sample, the crawl the coordinator recorded in the output folder) and checks that they
/// are the build's, as recorded in <c>_build/build.json</c>; a worker started with another config or
/// input fails every task it is given with the reason, and the build ends with that error.
/// </summary>
internal sealed class WorkerPhaseExecutors(BuildRequest request, IMaterializer materializer) : IPhaseExecutors, IDisposable
{
    private readonly Lock _gate = new();
    private PhaseExecutors? _executors;
    private int _tasks;

    /// <summary>How many task executions this node started.</summary>
    public int TasksStarted => Volatile.Read(ref _tasks);

    public ITaskExecutor For(string phase)
    {
        Interlocked.Increment(ref _tasks);
        lock (_gate)
        {
            _executors ??= Prepare();
            return _executors.For(phase);
        }
    }

    public void Dispose() => _executors?.Dispose();

    private PhaseExecutors Prepare()
    {
        var output = Path.GetFullPath(request.OutputDir);
        var recorded = BuildIdentity.TryLoad(Path.Combine(output, BuildLayout.StateDir, "build.json"))
            ?? throw new BuildException($"worker: output folder '{output}' holds no build; is it the coordinator's output folder (shared)?");
        string input;
        Phases.UriRewrite? uriMap = null;
        if (request.Sample)
        {
            var origin = SampleCrawl.FinishedOrigin(output) ?? throw new BuildException($"worker: the sample crawl in '{output}' has not finished");
            input = Path.Combine(output, BuildLayout.WarcDir);
            uriMap = SampleCrawl.UriMap(origin);
        }
        else
        {
            input = Path.GetFullPath(request.InputDir);
            if (!Directory.Exists(input))
            {
                throw new BuildException($"worker: input folder '{request.InputDir}' does not exist on this node");
            }
        }

        var inputs = BuildInputs.Read(input, output, Core.Configuration.BuildConfigLoader.Validate(request.Config), uriMap, CancellationToken.None);
        if (recorded.Difference(inputs.Identity) is { } why)
        {
            inputs.Dispose();
            throw new BuildException($"worker: this node's build differs from the coordinator's in '{output}' ({why}); start workers with the coordinator's --config and input");
        }

        return new PhaseExecutors(inputs, materializer, request.Workers);
    }
}
