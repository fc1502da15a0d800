using Corpus.Ingest.Pdf;
using Corpus.Ingest.Sample;
using Corpus.Pipeline.Isolation;
using Corpus.Tests.Shared;

namespace Corpus.Cli.Tests.Isolation;

/// <summary>The worker pool against real <c>corpus worker</c> processes (the CLI beside the tests).</summary>
public sealed class WorkerPoolTests : IDisposable
{
    private readonly WorkerPool _pool = new(new WorkerPoolOptions(WorkerCommand.Find()!, Size: 1, MemoryBytes: 512L * 1024 * 1024));

    public void Dispose() => _pool.Dispose();

    [Fact]
    public void The_cli_beside_the_tests_is_found_as_the_worker_command()
    {
        var command = WorkerCommand.Find();
        command.Should().NotBeNull();
        command!.Arguments.Should().Equal(TestEnvironment.CorpusDll, "worker");
    }

    [Fact]
    public void A_parse_in_a_worker_gives_the_same_outcome_as_in_process_and_the_worker_is_reused()
    {
        var pdf = SamplePdf();
        var options = new PdfOptions();
        var here = PdfTextExtractor.Extract(pdf, options);
        var host = new PooledPdfHost(_pool);

        var first = PdfTextExtractor.Extract(pdf, options with { Host = host });
        var second = PdfTextExtractor.Extract(pdf, options with { Host = host });

        here.Document.Should().NotBeNull();
        first.Document!.Text.Should().Be(here.Document!.Text);
        first.Document.Metadata.Should().Equal(here.Document.Metadata);
        first.Document.Pages.Should().Be(here.Document.Pages);
        first.Document.Title.Should().Be(here.Document.Title);
        second.Document!.Text.Should().Be(here.Document.Text);
        _pool.Started.Should().Be(1, "one worker serves both parses");
    }

    [Fact]
    public void A_worker_that_overflows_its_stack_is_a_crashed_reject_and_the_next_parse_gets_a_fresh_worker()
    {
        var host = new PooledPdfHost(_pool);

        var crashed = PdfTextExtractor.Extract(HostilePdfs.XrefStreamWithHugeFieldWidth(), new PdfOptions { Host = host });
        var after = PdfTextExtractor.Extract(SamplePdf(), new PdfOptions { Host = host });

        crashed.Reject.Should().NotBeNull();
        crashed.Reject!.Reason.Should().Be(PdfRejectReasons.Crashed);
        crashed.Reject.Detail.Should().Contain("exit code 134 (SIGABRT)").And.Contain("Stack overflow");
        after.Document.Should().NotBeNull();
        _pool.Lost.Should().Be(1);
        _pool.Started.Should().Be(2);
    }

    [Fact]
    public void A_call_past_its_limit_kills_the_worker_and_says_so()
    {
        var outcome = _pool.Call(PooledPdfHost.Kind, PdfParseWire.EncodeRequest(SamplePdf(), new PdfOptions()), TimeSpan.FromMilliseconds(1), CancellationToken.None);

        outcome.Status.Should().Be(WorkerStatus.TimedOut);
        outcome.Detail.Should().Contain("killed after 0.001 s");
        _pool.Lost.Should().Be(1);
    }

    [Fact]
    public void A_request_the_worker_cannot_serve_is_a_failure_and_the_worker_lives_on()
    {
        var outcome = _pool.Call("no-such-kind", [1, 2, 3], TimeSpan.FromSeconds(60), CancellationToken.None);
        var next = _pool.Call(PooledPdfHost.Kind, PdfParseWire.EncodeRequest(SamplePdf(), new PdfOptions()), TimeSpan.FromSeconds(60), CancellationToken.None);

        outcome.Status.Should().Be(WorkerStatus.Failed);
        outcome.Detail.Should().Contain("unknown request kind 'no-such-kind'");
        next.Status.Should().Be(WorkerStatus.Answered);
        _pool.Started.Should().Be(1);
    }

    private static byte[] SamplePdf() => SamplePdfWriter.Write(UdhrLibrary.Load().First(SamplePdfWriter.CanWrite));
}
