namespace Corpus.Ingest.Pdf;

/// <summary>
/// Runs one parse on a dedicated background thread with a wall-clock limit. PdfPig is synchronous and some files make
/// it loop, so on timeout the thread is abandoned, not killed (.NET cannot abort threads): it keeps running until the
/// parse checks its token (between pages) or ends. At most <see cref="MaxAbandoned"/> abandoned threads may exist at a
/// time; while that many are still running, every new parse is rejected at once with reason <c>timeout</c>, so a
/// worker never waits and a flood of looping files costs bounded CPU. The thread has a large stack
/// (<see cref="StackBytes"/>) because deeply nested files recurse deeply, and a stack overflow would end the process.
/// </summary>
internal static class ParseWorker
{
    public const int MaxAbandoned = 4;

    public const int StackBytes = 256 * 1024 * 1024;

    private static int _abandoned;

    /// <summary>Abandoned parse threads still running.</summary>
    public static int Abandoned => Volatile.Read(ref _abandoned);

    public static PdfExtraction Run(Func<CancellationToken, PdfExtraction> parse, Func<Exception, PdfExtraction> onError, TimeSpan limit, CancellationToken ct)
    {
        if (Abandoned >= MaxAbandoned)
        {
            return PdfExtraction.Rejected(PdfRejectReasons.Timeout, $"{MaxAbandoned} abandoned parses are still running; not starting another");
        }

        ct.ThrowIfCancellationRequested();
        var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(limit);
        var token = cts.Token;
        var state = new RunState();
        var thread = new Thread(
            () =>
            {
                PdfExtraction result;
                try
                {
                    result = parse(token);
                }
                catch (OperationCanceledException)
                {
                    result = PdfExtraction.Rejected(PdfRejectReasons.Timeout, $"over the time limit of {limit.TotalSeconds:0.###} s");
                }
#pragma warning disable CA1031 // every failure of a hostile file is a reject, never a crash
                catch (Exception e)
#pragma warning restore CA1031
                {
                    result = onError(e);
                }

                state.Result = result;
                if (Interlocked.CompareExchange(ref state.Phase, RunState.Finished, RunState.Running) == RunState.Abandoned)
                {
                    Interlocked.Decrement(ref _abandoned);
                    cts.Dispose();
                }
                else
                {
                    state.Done.Set();
                }
            },
            StackBytes)
        {
            IsBackground = true,
            Name = "corpus-pdf-parse",
        };
        thread.Start();

        var finished = WaitHandle.WaitAny([state.Done.WaitHandle, ct.WaitHandle], limit) == 0;
        if (finished || Interlocked.CompareExchange(ref state.Phase, RunState.Abandoned, RunState.Running) != RunState.Running)
        {
            state.Done.Wait(CancellationToken.None);
            cts.Dispose();
            state.Done.Dispose();
            return state.Result!;
        }

        Interlocked.Increment(ref _abandoned);
        ct.ThrowIfCancellationRequested();
        return PdfExtraction.Rejected(PdfRejectReasons.Timeout, $"over the time limit of {limit.TotalSeconds:0.###} s; parse abandoned");
    }

    private sealed class RunState
    {
        public const int Running = 0;
        public const int Finished = 1;
        public const int Abandoned = 2;

        public int Phase;

        public PdfExtraction? Result { get; set; }

        public ManualResetEventSlim Done { get; } = new();
    }
}
