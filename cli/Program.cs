using Corpus.Cli;
using Corpus.Cli.Commands;

using var cts = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cts.Cancel();
};

try
{
    return await CorpusCli.RunAsync(args, CliConsole.System(), cts.Token).ConfigureAwait(false);
}
catch (Exception e) when (e is not OutOfMemoryException)
{
    Console.Error.WriteLine($"corpus: unexpected error: {e}");
    return ExitCodes.Failure;
}
