using System.Globalization;
using Corpus.Ingest.Pdf;

namespace Corpus.Pipeline.Isolation;

/// <summary>
/// Parses PDFs in a <see cref="WorkerPool"/>'s processes: a parse that overflows the stack, crashes natively or runs
/// out of memory kills its worker, not the build, and becomes a reject (<c>crashed</c>, naming the exit code or signal,
/// <c>memory</c>); one the worker cannot stop in time (the worker's own limit is checked between pages) is killed at
/// the limit plus <see cref="Grace"/> and is a reject <c>timeout</c>.
/// </summary>
internal sealed class PooledPdfHost(WorkerPool pool) : IPdfParseHost
{
    /// <summary>The request kind a worker serves.</summary>
    public const string Kind = "pdf";

    /// <summary>How long past the document's limit the worker is given to answer before it is killed.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(5);

    public PdfExtraction Parse(ReadOnlyMemory<byte> pdf, PdfOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        var outcome = pool.Call(Kind, PdfParseWire.EncodeRequest(pdf, options), options.MaxTime + Grace, ct);
        var seconds = options.MaxTime.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
        return outcome.Status switch
        {
            WorkerStatus.Answered => PdfParseWire.DecodeResponse(outcome.Body),
            WorkerStatus.Crashed => PdfParseWire.Lost(PdfRejectReasons.Crashed, $"the parse process died: {outcome.Detail}"),
            WorkerStatus.TimedOut => PdfParseWire.Lost(PdfRejectReasons.Timeout, $"over the time limit of {seconds} s; the parse process was {outcome.Detail}"),
            WorkerStatus.OutOfMemory => PdfParseWire.Lost(PdfRejectReasons.Memory, $"over the parse process's memory limit: {outcome.Detail}"),
            _ => PdfParseWire.Lost(PdfRejectReasons.Corrupt, outcome.Detail),
        };
    }
}
