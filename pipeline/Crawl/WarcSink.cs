using Akka.Actor;
using Corpus.Ingest.Warc;

namespace Corpus.Pipeline.Crawl;

/// <summary>Writes every exchange the crawl received to WARC (request and response records), one writer for the crawl.</summary>
internal sealed class WarcSink : ReceiveActor
{
    private readonly WarcWriter _writer;
    private bool _closed;

    public WarcSink(WarcWriterOptions options)
    {
        _writer = WarcWriter.Create(options);
        Receive<StoreExchange>(m =>
        {
            if (_closed)
            {
                CrawlReports.Send(m.NotifyTo, m.Done, Self);
                return;
            }

            var r = m.Result;
            var response = new byte[r.RawResponseHeaders.Length + r.WireBody.Length];
            r.RawResponseHeaders.Span.CopyTo(response);
            r.WireBody.Span.CopyTo(response.AsSpan(r.RawResponseHeaders.Length));
            try
            {
                _writer.WriteResponse(r.FinalUrl, r.FetchedAt, response, r.RawRequestHeaders.Span, r.IpAddress?.ToString());
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Context.Parent.Tell(new WarcFailed($"writing WARC in '{options.Directory}' failed: {e.Message}"));
                _closed = true;
            }

            CrawlReports.Send(m.NotifyTo, m.Done, Self);
        });
        Receive<CloseWarc>(_ =>
        {
            if (!_closed)
            {
                _closed = true;
                try
                {
                    _writer.Dispose();
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    Context.Parent.Tell(new WarcFailed($"closing the WARC file in '{options.Directory}' failed: {e.Message}"));
                    return;
                }
            }

            Sender.Tell(new WarcClosed([.. _writer.CompletedFiles]));
        });
    }

    public static Props Props(WarcWriterOptions options) => Akka.Actor.Props.Create(() => new WarcSink(options));

    protected override void PostStop()
    {
        if (!_closed)
        {
            _writer.Dispose();
        }
    }
}
