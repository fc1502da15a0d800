using System.Runtime.InteropServices;
using Corpus.Cli;
using Corpus.Cli.Commands;

if (args is [Corpus.Pipeline.Isolation.WorkerHost.Verb])
{
    // A worker process of a build (never typed by a user): its standard output carries only answer frames.
    var frames = Console.OpenStandardOutput();
    Console.SetOut(Console.Error);
    Console.CancelKeyPress += (_, e) => e.Cancel = true; // Ctrl+C reaches the whole process group: the build decides
    return Corpus.Pipeline.Isolation.WorkerHost.Run(Console.OpenStandardInput(), frames);
}

using var cts = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cts.Cancel();
};

// SIGTERM (what `kill`, systemd and container runtimes send) stops a command the way Ctrl+C does:
// a build leaves its committed tasks for a resume, `corpus serve` finishes the requests in flight.
// A command that has not ended 10 seconds later is ended with exit code 143, as SIGTERM would.
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    cts.Cancel();
    _ = Task.Run(async () =>
    {
        await Task.Delay(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        Environment.Exit(143);
    });
});

try
{
    return await CorpusCli.RunAsync(args, CliConsole.System(), cts.Token).ConfigureAwait(false);
}
catch (Exception e) when (e is not OutOfMemoryException)
{
    Console.Error.WriteLine($"corpus: unexpected error: {e}");
    return ExitCodes.Failure;
}
