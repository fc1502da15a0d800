using Corpus.Ingest.Pdf;

namespace Corpus.Ingest.Tests.Pdf;

[Collection(ParseWorkerCollection.Name)]
public sealed class ParseWorkerTests
{
    private static readonly PdfExtraction Done = new(new PdfDocumentText("done", null, null, null, 1, new Dictionary<string, string>()), null);

    [Fact]
    public void A_parse_that_never_returns_is_abandoned_at_the_time_limit()
    {
        using var release = new ManualResetEventSlim();
        var started = DateTime.UtcNow;

        var result = ParseWorker.Run(_ => { release.Wait(); return Done; }, PdfParse.Failure, TimeSpan.FromMilliseconds(200), CancellationToken.None);

        result.Reject!.Reason.Should().Be(PdfRejectReasons.Timeout);
        (DateTime.UtcNow - started).Should().BeLessThan(TimeSpan.FromSeconds(5));
        release.Set();
        WaitUntilNoneAbandoned();
    }

    [Fact]
    public void When_the_abandoned_threads_reach_the_bound_a_parse_is_rejected_without_running()
    {
        using var release = new ManualResetEventSlim();
        for (var i = 0; i < ParseWorker.MaxAbandoned; i++)
        {
            ParseWorker.Run(_ => { release.Wait(); return Done; }, PdfParse.Failure, TimeSpan.FromMilliseconds(50), CancellationToken.None);
        }

        var ran = false;
        var result = ParseWorker.Run(_ => { ran = true; return Done; }, PdfParse.Failure, TimeSpan.FromSeconds(5), CancellationToken.None);

        result.Reject!.Reason.Should().Be(PdfRejectReasons.Timeout);
        ran.Should().BeFalse();
        release.Set();
        WaitUntilNoneAbandoned();
        ParseWorker.Run(_ => Done, PdfParse.Failure, TimeSpan.FromSeconds(5), CancellationToken.None).Should().Be(Done);
    }

    [Fact]
    public void A_parse_that_checks_its_token_stops_at_the_time_limit()
    {
        var result = ParseWorker.Run(
            token =>
            {
                while (true)
                {
                    token.ThrowIfCancellationRequested();
                    Thread.Sleep(5);
                }
            },
            PdfParse.Failure,
            TimeSpan.FromMilliseconds(100),
            CancellationToken.None);

        result.Reject!.Reason.Should().Be(PdfRejectReasons.Timeout);
        WaitUntilNoneAbandoned();
    }

    [Fact]
    public void An_exception_in_the_parse_becomes_a_reject()
    {
        var result = ParseWorker.Run(_ => throw new InvalidOperationException("broken xref"), PdfParse.Failure, TimeSpan.FromSeconds(5), CancellationToken.None);

        result.Reject.Should().Be(new PdfReject(PdfRejectReasons.Corrupt, "InvalidOperationException: broken xref"));
    }

    private static void WaitUntilNoneAbandoned()
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (ParseWorker.Abandoned > 0 && DateTime.UtcNow < until)
        {
            Thread.Sleep(10);
        }

        ParseWorker.Abandoned.Should().Be(0);
    }
}
