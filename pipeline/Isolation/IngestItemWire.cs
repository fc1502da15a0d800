using System.Text.Json;
using Corpus.Ingest.Files;
using Corpus.Pipeline.Build;
using Corpus.Pipeline.Phases;
using Corpus.Pipeline.Storage;

namespace Corpus.Pipeline.Isolation;

/// <summary>
/// One ingest item read in a worker process: the item (a file, or a WARC record at an offset) and the reader's
/// settings go over as JSON, the document (in the <c>docs/</c> row shape) or the reject comes back. The ingest phase
/// reads an item this way when a process already died reading it, so a second death costs the worker, not the build.
/// </summary>
internal static class IngestItemWire
{
    /// <summary>The request kind a worker serves.</summary>
    public const string Kind = "ingest-item";

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static byte[] EncodeRequest(InputItem item, InputReaderSettings settings) =>
        JsonSerializer.SerializeToUtf8Bytes(new Request(item.File.FullPath, item.File.RelativePath, item.RecordOffset, item.Uri, item.RejectReason, item.RejectDetail, settings), Json);

    public static byte[] Serve(byte[] request)
    {
        var r = JsonSerializer.Deserialize<Request>(request, Json) ?? throw new InvalidDataException("an empty ingest-item request");
        var item = new InputItem(new InputFile(r.FullPath, r.RelativePath), r.Offset, r.Uri, r.RejectReason, r.RejectDetail);
        using var reader = new InputItemReader(r.Settings, HtmlExtraction.Extract);
        var answer = reader.Read(item) switch
        {
            FileReadOutcome.Accepted a => new Answer(DocumentRows.ToRow(a.Document), null),
            FileReadOutcome.Rejected j => new Answer(null, new RejectAnswer(j.Id, j.SourceUri, j.Reason, j.Detail)),
            _ => throw new InvalidOperationException("an outcome of no known kind"),
        };
        return JsonSerializer.SerializeToUtf8Bytes(answer, Json);
    }

    public static FileReadOutcome DecodeResponse(byte[] response)
    {
        var answer = JsonSerializer.Deserialize<Answer>(response, Json) ?? throw new InvalidDataException("an empty ingest-item answer");
        return answer switch
        {
            { Document: { } row } => new FileReadOutcome.Accepted(DocumentRows.ToDocument(row)),
            { Reject: { } j } => new FileReadOutcome.Rejected(j.Id, j.SourceUri, j.Reason, j.Detail),
            _ => throw new InvalidDataException("an ingest-item answer with neither a document nor a reject"),
        };
    }

    private sealed record Request(string FullPath, string RelativePath, long Offset, string? Uri, string? RejectReason, string? RejectDetail, InputReaderSettings Settings);

    private sealed record Answer(DocumentRow? Document, RejectAnswer? Reject);

    private sealed record RejectAnswer(string Id, string SourceUri, string Reason, string Detail);
}
