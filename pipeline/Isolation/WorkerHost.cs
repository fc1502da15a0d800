using System.Runtime.InteropServices;
using System.Text;
using Corpus.Ingest.Pdf;

namespace Corpus.Pipeline.Isolation;

/// <summary>
/// The inside of a worker process (<c>corpus worker</c>): greets its parent, then answers requests read from standard
/// input on standard output (<see cref="WorkerFrames"/>) until the input ends. A handler that throws answers with its
/// message and the worker goes on; one that runs out of memory answers so and the worker exits, leaving its heap
/// behind. A worker whose parent is gone exits, so no parse outlives the build that asked for it. Kinds:
/// <c>pdf</c> (<see cref="PdfParseWire"/>) and <c>ingest-item</c> (<see cref="IngestItemWire"/>).
/// </summary>
public static partial class WorkerHost
{
    /// <summary>The CLI command that runs a worker process.</summary>
    public const string Verb = WorkerCommand.Verb;

    /// <summary>Serves requests from <paramref name="input"/> on <paramref name="output"/>; returns the process's exit code.</summary>
    public static int Run(Stream input, Stream output)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        WatchParent();
        WorkerFrames.WriteAnswer(output, WorkerFrames.Answer, Encoding.UTF8.GetBytes(WorkerFrames.Greeting));
        while (WorkerFrames.ReadRequest(input) is { } request)
        {
            byte[] answer;
            try
            {
                answer = Handle(request.Kind, request.Body);
            }
            catch (OutOfMemoryException e)
            {
                WorkerFrames.WriteAnswer(output, WorkerFrames.OutOfMemory, Encoding.UTF8.GetBytes($"{e.GetType().Name}: {e.Message}"));
                return 3;
            }
#pragma warning disable CA1031 // a handler's failure is the request's answer; the worker serves the next one
            catch (Exception e)
#pragma warning restore CA1031
            {
                WorkerFrames.WriteAnswer(output, WorkerFrames.Failure, Encoding.UTF8.GetBytes($"{e.GetType().Name}: {e.Message}"));
                continue;
            }

            if (PdfTextExtractor.AbandonedParses > 0)
            {
                // A parse left running past its limit would keep a core busy: say so with the answer, so the parent
                // does not lend this worker again, and make way for a fresh one.
                WorkerFrames.WriteAnswer(output, WorkerFrames.AnswerThenExit, answer);
                return 0;
            }

            WorkerFrames.WriteAnswer(output, WorkerFrames.Answer, answer);
        }

        return 0;
    }

    private static byte[] Handle(string kind, byte[] body) => kind switch
    {
        PooledPdfHost.Kind => PdfParseWire.Serve(body),
        IngestItemWire.Kind => IngestItemWire.Serve(body),
        _ => throw new InvalidDataException($"unknown request kind '{kind}'"),
    };

    /// <summary>Ends this process when its parent is gone (re-parented), checking every second.</summary>
    private static void WatchParent()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return;
        }

        var parent = GetParentProcessId();
        var watch = new Thread(() =>
        {
            while (true)
            {
                Thread.Sleep(1000);
                if (GetParentProcessId() != parent)
                {
                    Environment.Exit(0);
                }
            }
        })
        {
            IsBackground = true,
            Name = "corpus-worker-parent-watch",
        };
        watch.Start();
    }

    [LibraryImport("libc", EntryPoint = "getppid")]
    private static partial int GetParentProcessId();
}
